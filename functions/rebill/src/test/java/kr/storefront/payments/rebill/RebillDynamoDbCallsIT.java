package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a paid charge costs in DynamoDB calls, planner and workers together: at most 3, as issue 19 asks. */
@ExtendWith(AwsEmulatorExtension.class)
class RebillDynamoDbCallsIT {

    @Test
    void aPaidCharge_isTwoTransactions_plusItsShareOfTheBatchReadsAndQueries(AwsEmulator emulator) {
        try (RebillTestBed bed = RebillTestBed.start(emulator, Map.of(DynamoDbCallCounter.PROPERTY, true))) {
            Instant now = bed.clock.instant();
            IntStream.rangeClosed(1, 20).forEach(i -> bed.subscribe("sub_calls_" + i, now));
            DynamoDbCallCounter.reset();

            RebillReport report = bed.run();

            Map<String, Long> calls = DynamoDbCallCounter.snapshot();
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            assertThat(report.charged()).isEqualTo(20);
            // begin (attempt + order + subscription) and settle (attempt + subscription + order): nothing else per charge
            assertThat(calls).containsEntry("TransactWriteItems", 40L).doesNotContainKeys("GetItem", "PutItem");
            // one message of 20: its subscriptions and their billing keys in two batch reads
            assertThat(calls).containsEntry("BatchGetItem", 2L);
            assertThat((double) total / report.charged()).as(calls.toString()).isLessThanOrEqualTo(3.0);
        }
    }
}

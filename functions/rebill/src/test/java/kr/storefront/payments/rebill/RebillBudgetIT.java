package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A run stops taking work before its deadline, and the next run picks up what is left. */
@ExtendWith(AwsEmulatorExtension.class)
class RebillBudgetIT {

    @Test
    void budgetSpentMidBatch_stopsTakingWork_andTheNextRunResumes(AwsEmulator emulator) {
        // one charge at a time, each taking a minute; new work stops 2 minutes before the deadline
        try (RebillTestBed bed = RebillTestBed.start(emulator, Map.of("rebill.concurrency", 1, "rebill.page-size", 2,
                "rebill.stop-before-deadline", "2m", SlowCharges.PROPERTY, "1m"))) {
            Instant now = bed.clock.instant();
            List<String> ids = IntStream.rangeClosed(1, 5).mapToObj(i -> "sub_budget_" + i).toList();
            ids.forEach(id -> bed.subscribe(id, now));

            // 4.5 minutes left: charges start at +0, +1 and +2 minutes; at +3 only 1.5 minutes would be left
            RebillReport cutShort = bed.run(Duration.ofSeconds(270));
            RebillReport resumed = bed.run();

            assertThat(cutShort.budgetExhausted()).isTrue();
            assertThat(cutShort.charged()).isEqualTo(3);
            assertThat(resumed.budgetExhausted()).isFalse();
            assertThat(resumed.due()).isEqualTo(2);
            assertThat(resumed.charged()).isEqualTo(2);
            ids.forEach(id -> assertThat(bed.paidCharges(id, 0)).as(id).isEqualTo(1));
        }
    }
}

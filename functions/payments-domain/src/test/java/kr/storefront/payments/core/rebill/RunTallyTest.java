package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import org.junit.jupiter.api.Test;

/** Which report field each outcome counts in. */
class RunTallyTest {

    private static final Instant SCHEDULED = Instant.parse("2026-11-21T03:00:00Z");

    @Test
    void eachOutcome_countsInItsField_andSweptOrdersAddUpToOrdersChecked() {
        RunTally tally = new RunTally();
        Outcome[] outcomes = Outcome.values();
        // outcome number i is counted i + 1 times, so every field shows which outcome it counts
        for (int i = 0; i < outcomes.length; i++) {
            for (int n = 0; n <= i; n++) {
                tally.count(outcomes[i]);
            }
        }

        RebillReport report = tally.report(SCHEDULED, Duration.ofMillis(1234));

        assertThat(report).isEqualTo(new RebillReport(SCHEDULED, times(Outcome.DUE), times(Outcome.QUEUED), times(Outcome.CHARGED), times(Outcome.DECLINED),
                times(Outcome.NOT_ATTEMPTED), times(Outcome.UNKNOWN), times(Outcome.FORGED), times(Outcome.ENDED),
                times(Outcome.SKIPPED), times(Outcome.RECONCILED), times(Outcome.UNRESOLVED),
                times(Outcome.ORDER_UNCHANGED) + times(Outcome.ORDER_CONFIRMED) + times(Outcome.ORDER_CLOSED)
                        + times(Outcome.ORDER_FORGED),
                times(Outcome.ORDER_CONFIRMED), times(Outcome.ORDER_CLOSED), times(Outcome.ORDER_FORGED),
                times(Outcome.REFUND_SETTLED) + times(Outcome.REFUND_STILL_PENDING), times(Outcome.REFUND_SETTLED),
                times(Outcome.ERROR), false,
                1234));
    }

    @Test
    void subscriptionChargeOrdersNotSwept_areNotCountedAsChecked() {
        RunTally tally = new RunTally();
        tally.count(Outcome.ORDER_NOT_SWEPT);

        assertThat(tally.report(SCHEDULED, Duration.ZERO).ordersChecked()).isZero();
    }

    @Test
    void budgetExhausted_isReported() {
        RunTally tally = new RunTally();
        tally.budgetExhausted();

        assertThat(tally.report(SCHEDULED, Duration.ZERO).budgetExhausted()).isTrue();
    }

    private static int times(Outcome outcome) {
        return outcome.ordinal() + 1;
    }
}

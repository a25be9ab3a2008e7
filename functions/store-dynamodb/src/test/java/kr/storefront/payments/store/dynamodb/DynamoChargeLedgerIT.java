package kr.storefront.payments.store.dynamodb;

import static kr.storefront.payments.store.dynamodb.StoreFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.store.ChargeLedger;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class DynamoChargeLedgerIT {

    private DynamoChargeLedger ledger;
    private DynamoSubscriptionStore subscriptions;
    private DynamoChargeAttemptStore attempts;
    private DynamoOrderStore orders;
    private Subscription stored;

    @BeforeEach
    void setUp(AwsEmulator emulator) {
        DynamoTable table = StoreFixtures.freshTable(emulator);
        ledger = new DynamoChargeLedger(table);
        subscriptions = new DynamoSubscriptionStore(table);
        attempts = new DynamoChargeAttemptStore(table);
        orders = new DynamoOrderStore(table);
        stored = subscriptions.insert(StoreFixtures.subscription("cust-a", "sub1", NOW)).current().orElseThrow();
    }

    @Test
    void begin_writesAttemptOrderAndSubscriptionTogether() {
        ChargeLedger.Begun begun = ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW)).orElseThrow();

        assertThat(begun.subscription().version()).isEqualTo(stored.version() + 1);
        assertThat(subscriptions.find("cust-a", "sub1").orElseThrow().attemptOpen()).isTrue();
        assertThat(subscriptions.findDue(NOW, null, 10).items()).isEmpty();
        assertThat(attempts.findUnresolved(null, 10).items()).extracting(ChargeAttempt::merchantUid).containsExactly("sub1_p0_a1");
        assertThat(orders.find("sub1_p0_a1")).get().extracting(Order::kind).isEqualTo(OrderKind.SUBSCRIPTION_CHARGE);
    }

    @Test
    void begin_twiceFromTheSameRead_secondWritesNothing() {
        assertThat(ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW))).isPresent();

        // a second run read the same version and tries the same attempt, or (stale) a different one
        assertThat(ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW))).isEmpty();
        assertThat(ledger.begin(attempt(stored, 2), order("sub1_p0_a2"), stored.attemptStarted(NOW))).isEmpty();

        assertThat(attempts.listForPeriod("cust-a", "sub1", 0)).hasSize(1);
        assertThat(orders.find("sub1_p0_a2")).isEmpty();
    }

    @Test
    void settle_fromAStaleAttemptVersion_writesNothing() {
        ChargeLedger.Begun begun = ledger.begin(attempt(stored, 1), order("sub1_p0_a1"), stored.attemptStarted(NOW)).orElseThrow();
        ChargeAttempt paid = begun.attempt().transitionTo(ChargeAttemptState.PAID, "imp_1", null, NOW);
        assertThat(ledger.settle(paid, begun.subscription().periodPaid(NOW))).isPresent();

        ChargeAttempt declined = begun.attempt().transitionTo(ChargeAttemptState.DECLINED, null, "limit", NOW);
        Subscription latest = subscriptions.find("cust-a", "sub1").orElseThrow();

        assertThat(ledger.settle(declined, latest.chargingStopped(NOW))).isEmpty();
        assertThat(subscriptions.find("cust-a", "sub1").orElseThrow()).isEqualTo(latest);
        assertThat(latest.period()).isEqualTo(1);
        assertThat(attempts.find("cust-a", "sub1", 0, 1).orElseThrow().state()).isEqualTo(ChargeAttemptState.PAID);
    }

    private static ChargeAttempt attempt(Subscription subscription, int number) {
        return ChargeAttempt.inFlight(subscription, number, subscription.id() + "_p0_a" + number, NOW);
    }

    private static Order order(String merchantUid) {
        return Order.pending(merchantUid, OrderKind.SUBSCRIPTION_CHARGE, "cust-a", "Monthly plan", 8900, Pg.TOSSPAYMENTS, "card",
                List.of(), "cuid_sub1", "sub1", NOW);
    }
}

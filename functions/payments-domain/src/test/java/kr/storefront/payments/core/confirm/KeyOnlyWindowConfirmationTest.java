package kr.storefront.payments.core.confirm;

import static kr.storefront.payments.core.confirm.ConfirmFixture.PLAN_AMOUNT;
import static kr.storefront.payments.core.confirm.ConfirmFixture.logsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.store.StoreUnavailableException;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Billing-key windows that must charge nothing (payco, chai, tosspayments, kakaopay at 0): judged by the key at i'mport
 * (README, Verify API: the "key-only" rows), the key confirmed with only i'mport's masked card kept, and money the window
 * took anyway refunded with the key kept.
 */
class KeyOnlyWindowConfirmationTest {

    private static final CardSummary ISSUED_CARD = new CardSummary("361", "BC카드", "910020******8123", 0);

    private final ConfirmFixture fixture = new ConfirmFixture();

    /** The guides promise nothing of the window's payment (amount 0 or the amount shown, any status): the key decides. */
    @ParameterizedTest(name = "{0}, window payment {1} of {2} won")
    @CsvSource({"PAYCO, PAID, 0", "PAYCO, READY, 29000", "CHAI, READY, 29000", "CHAI, PAID, 0", "TOSSPAYMENTS, PAID, 0",
            "TOSSPAYMENTS, READY, 29000", "TOSSPAYMENTS, FAILED, 29000", "KAKAOPAY, READY, 29000", "KAKAOPAY, PAID, 0",
            "PAYCO, UNRECOGNIZED, 0"})
    void theKeyUnderOurCustomerUid_onTheOrdersPg_makesTheOrderPaid_andTheKeyActive(Pg pg, PaymentStatus shape, long amount) {
        Order window = fixture.keyOnlyWindow(pg);
        fixture.iamport.seedBillingKey(new IamportBillingKey(window.customerUid(), pg.code(), null, ISSUED_CARD, false,
                fixture.clock.instant()));
        IamportPayment payment = fixture.seed(fixture.payment(window).amount(amount).status(shape));

        ConfirmOutcome outcome = fixture.confirm(payment, ConfirmSource.REDIRECT);

        Order stored = fixture.stored(window.merchantUid());
        assertThat(outcome).isEqualTo(new ConfirmOutcome.Confirmed(stored, true));
        assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
        assertThat(stored.impUid()).isEqualTo(payment.impUid());
        assertThat(stored.card()).as("the order keeps no card of its own").isNull();
        BillingKey key = fixture.storedKey(window);
        assertThat(key.status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(key.card()).as("i'mport's masked card, not the window payment's").isEqualTo(ISSUED_CARD);
        assertThat(fixture.iamport.calls(Operation.CANCEL)).isEmpty();
        assertThat(fixture.iamport.calls(Operation.FIND_BILLING_KEY)).singleElement()
                .satisfies(call -> assertThat(call.arguments()).containsExactly(window.customerUid()));
    }

    @Test
    void aKeyHeldByAnotherPg_isForged_withAnAlert_andTheKeyFails() {
        Order window = fixture.keyOnlyWindow(Pg.PAYCO);
        fixture.issueKey(window, "tosspayments");
        IamportPayment payment = fixture.seed(fixture.payment(window).amount(0));

        String logs = logsOf(() -> fixture.confirm(payment, ConfirmSource.REDIRECT));

        Order stored = fixture.stored(window.merchantUid());
        assertThat(stored.status()).isEqualTo(OrderStatus.FORGED);
        assertThat(stored.failReason()).isEqualTo("forged: the billing key is held by PG tosspayments, but the window was opened for payco");
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.FAILED);
        assertThat(logs).containsOnlyOnce("ALERT forged billing-key window merchant_uid=" + window.merchantUid());
        assertThat(fixture.iamport.calls(Operation.CANCEL)).as("a payment of 0 won leaves nothing to refund").isEmpty();
    }

    @Test
    void aWindowThatIssuedAnotherCustomerUid_isForged() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        fixture.issueKey(window, "tosspayments");
        IamportPayment payment = fixture.seed(fixture.payment(window).amount(0).customerUid("cuid_someone_else", "issue"));

        fixture.confirm(payment, ConfirmSource.CALLBACK);

        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.FORGED);
        assertThat(fixture.stored(window.merchantUid()).failReason())
                .isEqualTo("forged: the window issued another customer_uid than the one this order was opened for");
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.FAILED);
    }

    @Test
    void noKey_andAFailedWindow_failsTheOrderAndTheKey() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(window).amount(0).failed("카드 인증 실패", fixture.clock.instant()));

        fixture.confirm(payment, ConfirmSource.REDIRECT);

        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.FAILED);
        assertThat(fixture.stored(window.merchantUid()).failReason()).isEqualTo("카드 인증 실패");
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.FAILED);
    }

    @Test
    void noKey_andACancelledWindowWithoutAReason_failsAsNotIssued() {
        Order window = fixture.keyOnlyWindow(Pg.CHAI);
        IamportPayment payment = fixture.seed(fixture.payment(window).amount(0).status(PaymentStatus.CANCELLED).paidAt(null));

        fixture.confirm(payment, ConfirmSource.REDIRECT);

        assertThat(fixture.stored(window.merchantUid()).failReason()).isEqualTo("billing key not issued");
    }

    @Test
    void noKeyYet_andAWindowNotFinished_leavesTheOrderAndTheKeyPending() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        IamportPayment opened = fixture.seed(fixture.payment(window).ready());

        ConfirmOutcome outcome = fixture.confirm(opened, ConfirmSource.REDIRECT);

        assertThat(outcome).isEqualTo(new ConfirmOutcome.Confirmed(window, false));
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.PENDING);
        assertThat(fixture.stores.billingKeys().writes()).isEmpty();
    }

    /** i'mport sends no webhook for issuance: a key issued after the window was judged failed still makes it paid. */
    @Test
    void aFailedWindow_whoseKeyTurnsUpLater_becomesPaid_andTheKeyActive() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        IamportPayment failed = fixture.seed(fixture.payment(window).amount(0).failed("timeout", fixture.clock.instant()));
        fixture.confirm(failed, ConfirmSource.REDIRECT);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.FAILED);

        fixture.issueKey(window, "tosspayments");
        fixture.confirm(failed, ConfirmSource.RECONCILIATION);

        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.ACTIVE);
    }

    // ---- the unexpected charge

    @Test
    void aWindowThatTookMoney_isRefundedInFull_withChecksum_oneAlert_andTheKeyIsKept() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        fixture.issueKey(window, "tosspayments");
        IamportPayment charged = fixture.seed(fixture.payment(window).amount(PLAN_AMOUNT));

        String logs = logsOf(() -> fixture.confirm(charged, ConfirmSource.REDIRECT));

        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(fixture.refundRequests()).singleElement().satisfies(refund -> {
            assertThat(refund.impUid()).isEqualTo(charged.impUid());
            assertThat(refund.checksum()).isEqualTo(PLAN_AMOUNT);
            assertThat(refund.amount()).as("everything that is left").isNull();
        });
        assertThat(fixture.iamport.payment(charged.impUid()).orElseThrow().cancelledAmount()).isEqualTo(PLAN_AMOUNT);
        assertThat(logs).containsOnlyOnce("ALERT unexpected charge merchant_uid=" + window.merchantUid() + " imp_uid="
                + charged.impUid() + ": 29000 won taken by a tosspayments billing-key window that must charge nothing; refunded, "
                + "billing key kept");
    }

    @Test
    void anUnexpectedChargeRefundedAlready_isNotRefundedAgain_byTheNextConfirmation() {
        Order window = fixture.keyOnlyWindow(Pg.PAYCO);
        fixture.issueKey(window, "payco");
        IamportPayment charged = fixture.seed(fixture.payment(window).amount(PLAN_AMOUNT));
        fixture.confirm(charged, ConfirmSource.REDIRECT);

        String logs = logsOf(() -> fixture.confirm(fixture.iamport.payment(charged.impUid()).orElseThrow(), ConfirmSource.CALLBACK));

        assertThat(fixture.iamport.calls(Operation.CANCEL)).hasSize(1);
        assertThat(logs).doesNotContain("ALERT");
        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void anUnexpectedChargeWhoseRefundWasNotConfirmed_isAlerted_andRefundedByTheNextConfirmation() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        fixture.issueKey(window, "tosspayments");
        IamportPayment charged = fixture.seed(fixture.payment(window).amount(PLAN_AMOUNT));
        fixture.iamport.next(Operation.CANCEL, Answer.unreachable());

        String firstLogs = logsOf(() -> fixture.confirm(charged, ConfirmSource.REDIRECT));
        assertThat(firstLogs).contains("ALERT unexpected charge merchant_uid=" + window.merchantUid())
                .contains("refund not confirmed").contains("the next confirmation of this order tries again");
        assertThat(fixture.iamport.payment(charged.impUid()).orElseThrow().cancelledAmount()).isZero();

        fixture.confirm(charged, ConfirmSource.CALLBACK);

        assertThat(fixture.iamport.calls(Operation.CANCEL)).hasSize(2);
        assertThat(fixture.iamport.payment(charged.impUid()).orElseThrow().cancelledAmount()).isEqualTo(PLAN_AMOUNT);
        assertThat(fixture.stores.orders().writes()).as("the order was decided by the first confirmation").hasSize(1);
    }

    @Test
    void anUnexpectedChargeWhoseRefundIsRefused_isOnlyWarnedAbout() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        fixture.issueKey(window, "tosspayments");
        IamportPayment charged = fixture.seed(fixture.payment(window).amount(PLAN_AMOUNT));
        fixture.iamport.next(Operation.CANCEL, Answer.refuse(1, "checksum mismatch"));

        String logs = logsOf(() -> fixture.confirm(charged, ConfirmSource.REDIRECT));

        assertThat(logs).contains("unexpected charge imp_uid=" + charged.impUid() + ": refund refused").doesNotContain("ALERT");
        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void aWindowPaymentPaidWithNothingLeftToRefund_isNoUnexpectedCharge() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        fixture.issueKey(window, "tosspayments");
        IamportPayment refundedInTheConsole = fixture.seed(fixture.payment(window).amount(PLAN_AMOUNT)
                .refunded(PLAN_AMOUNT, fixture.clock.instant()).status(PaymentStatus.PAID));

        fixture.confirm(refundedInTheConsole, ConfirmSource.REDIRECT);

        assertThat(fixture.iamport.calls(Operation.CANCEL)).isEmpty();
        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    // ---- repeats and crashes

    @Test
    void aRepeatedConfirmation_ofAPaidWindowWithAnActiveKey_asksIamportOnlyForThePayment() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        fixture.issueKey(window, "tosspayments");
        IamportPayment payment = fixture.seed(fixture.payment(window).amount(0));
        fixture.confirm(payment, ConfirmSource.REDIRECT);
        fixture.iamport.clearCalls();

        ConfirmOutcome again = fixture.confirm(payment, ConfirmSource.CALLBACK);

        assertThat(again).isEqualTo(new ConfirmOutcome.Confirmed(fixture.stored(window.merchantUid()), false));
        assertThat(fixture.iamport.calls()).extracting(call -> call.operation()).containsExactly(Operation.FIND_PAYMENT);
        assertThat(fixture.stores.billingKeys().writes()).hasSize(1);
    }

    /** The order's write went through but the key's did not (a crash in between): the next confirmation settles the key. */
    @Test
    void aPaidWindowWhoseKeyIsStillPending_hasItsKeySettledByTheNextConfirmation() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        fixture.issueKey(window, "tosspayments");
        IamportPayment payment = fixture.seed(fixture.payment(window).amount(0));
        fixture.stores.billingKeys().faults().failNextCall("update");
        assertThatThrownBy(() -> fixture.confirm(payment, ConfirmSource.REDIRECT)).isInstanceOf(StoreUnavailableException.class);
        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.PENDING);

        ConfirmOutcome again = fixture.confirm(payment, ConfirmSource.CALLBACK);

        assertThat(again).extracting(o -> ((ConfirmOutcome.Confirmed) o).changed()).isEqualTo(false);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.ACTIVE);
    }

    @Test
    void aPaidWindowWhoseKeyIsStillPending_butGoneAtIamport_leavesTheKeyPending() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(window).amount(0));
        Order paid = fixture.stores.orders().seed(window.transitionTo(OrderStatus.PAID, payment.impUid(), null, null, null,
                fixture.clock.instant()));

        ConfirmOutcome outcome = fixture.confirm(payment, ConfirmSource.RECONCILIATION);

        assertThat(outcome).isEqualTo(new ConfirmOutcome.Confirmed(paid, false));
        assertThat(fixture.iamport.calls(Operation.FIND_BILLING_KEY)).hasSize(1);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.PENDING);
    }

    @Test
    void aWindowWhoseKeyIsNotInOurStore_isStillDecided() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        Order orphan = fixture.stores.orders().seed(new Order(window.merchantUid(), window.kind(), window.customerId(), window.name(),
                0, window.currency(), window.pg(), window.payMethod(), List.of(), window.status(), null, "cuid_never_stored", null,
                null, null, null, null, window.createdAt(), window.updatedAt(), window.version()));
        fixture.iamport.seedBillingKey("cuid_never_stored");
        IamportPayment payment = fixture.seed(IamportPaymentBuilder.paid("imp_orphan", orphan.merchantUid(), 0)
                .customerUid("cuid_never_stored", "issue"));

        String logs = logsOf(() -> fixture.confirm(payment, ConfirmSource.REDIRECT));

        assertThat(fixture.stored(window.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(logs).contains("billing key cuid_never_stored of order " + window.merchantUid() + " is not in the store");
    }

    @Test
    void iamportUnreachable_whileLookingUpTheKey_throws_andTheOrderStaysPending() {
        Order window = fixture.keyOnlyWindow(Pg.TOSSPAYMENTS);
        fixture.issueKey(window, "tosspayments");
        IamportPayment payment = fixture.seed(fixture.payment(window).amount(0));
        fixture.iamport.next(Operation.FIND_BILLING_KEY, Answer.unreachable());

        assertThatThrownBy(() -> fixture.confirm(payment, ConfirmSource.REDIRECT)).isInstanceOf(IamportUnavailableException.class);

        assertThat(fixture.stored(window.merchantUid())).isEqualTo(window);
        assertThat(fixture.storedKey(window).status()).isEqualTo(BillingKeyStatus.PENDING);
    }
}

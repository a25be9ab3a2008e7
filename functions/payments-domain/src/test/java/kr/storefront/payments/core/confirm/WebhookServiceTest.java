package kr.storefront.payments.core.confirm;

import static kr.storefront.payments.core.confirm.ConfirmFixture.PRICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.VirtualAccount;
import kr.storefront.payments.core.iamport.IamportAuthenticationException;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportProtocolException;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * i'mport's notification (README, Verify API: 200 handled, 404 unknown ids, 400 malformed or mismatched, 403 sender not
 * allowlisted, 503 unreachable): the verdict behind each answer, the delivery record each writes, and duplicates and
 * deliveries out of order, which the re-fetch makes harmless.
 */
class WebhookServiceTest {

    private static final String IAMPORT_IP = "52.78.5.241";
    private static final List<String> IAMPORT_IPS = List.of("52.78.100.19", "52.78.48.223", IAMPORT_IP);
    private static final Duration RETENTION = Duration.ofDays(90);

    private final ConfirmFixture fixture = new ConfirmFixture();
    private final WebhookService webhooks = fixture.webhooks();

    // ---- 200: handled

    @Test
    void aPaidNotification_isHandled_andRecordedWithWhatItClaimed() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        Instant arrival = Instant.parse("2026-06-01T00:00:07.123456Z");
        fixture.clock.set(arrival);

        WebhookVerdict verdict = webhooks.receive(notice(payment, "paid"), IAMPORT_IP);

        assertThat(verdict).isEqualTo(WebhookVerdict.HANDLED);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.stores.webhookLog().deliveries(payment.impUid())).containsExactly(new WebhookDelivery(payment.impUid(),
                order.merchantUid(), "paid", null, IAMPORT_IP, Instant.parse("2026-06-01T00:00:07.123Z"), WebhookVerdict.HANDLED,
                "now PAID", Instant.parse("2026-08-30T00:00:07Z")));
    }

    /** V1 webhooks are unsigned: the claimed status is kept for the record, never used. */
    @Test
    void aClaimedStatus_isNeverTrusted_theRefetchedPaymentDecides() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment abandoned = fixture.seed(fixture.payment(order).ready());

        WebhookVerdict verdict = webhooks.receive(notice(abandoned, "paid"), IAMPORT_IP);

        assertThat(verdict).isEqualTo(WebhookVerdict.HANDLED);
        assertThat(fixture.stored(order.merchantUid())).isEqualTo(order);
        assertThat(onlyDelivery(abandoned).detail()).isEqualTo("no change, PENDING");
        assertThat(onlyDelivery(abandoned).status()).isEqualTo("paid");
    }

    @Test
    void aNotificationWithoutMerchantUid_isConfirmedByImpUid() {
        Order order = fixture.order(Pg.PAYCO);
        IamportPayment payment = fixture.seed(fixture.payment(order));

        WebhookVerdict verdict = webhooks.receive(new WebhookNotification(payment.impUid(), null, "paid", null), IAMPORT_IP);

        assertThat(verdict).isEqualTo(WebhookVerdict.HANDLED);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(onlyDelivery(payment).merchantUid()).isNull();
    }

    @Test
    void aCancellationNotice_refundsThePaidOrder_andItsCancellationIdIsRecorded() {
        Order order = fixture.order(Pg.KAKAOPAY);
        IamportPayment paid = fixture.seed(fixture.payment(order));
        webhooks.receive(notice(paid, "paid"), IAMPORT_IP);
        fixture.seed(IamportPaymentBuilder.from(paid).refunded(PRICE, fixture.clock.instant()));

        WebhookVerdict verdict = webhooks.receive(new WebhookNotification(paid.impUid(), order.merchantUid(), "cancelled",
                "cancel_0001"), IAMPORT_IP);

        assertThat(verdict).isEqualTo(WebhookVerdict.HANDLED);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(fixture.stores.webhookLog().deliveries(paid.impUid())).last().satisfies(record -> {
            assertThat(record.cancellationId()).isEqualTo("cancel_0001");
            assertThat(record.detail()).isEqualTo("now REFUNDED");
        });
    }

    @Test
    void aForgedPaymentNotified_isHandled_forgedAndRefunded() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment tampered = fixture.seed(fixture.payment(order).amount(1_000));

        WebhookVerdict verdict = webhooks.receive(notice(tampered, "paid"), IAMPORT_IP);

        assertThat(verdict).as("answered 200: a resend cannot change it").isEqualTo(WebhookVerdict.HANDLED);
        assertThat(onlyDelivery(tampered).detail()).isEqualTo("now FORGED");
        assertThat(fixture.iamport.calls(Operation.CANCEL)).hasSize(1);
    }

    // ---- duplicates and deliveries out of order

    @Test
    void aDuplicateDelivery_isHandledTwice_appliedOnce_andBothAreRecordedOldestFirst() {
        Order order = fixture.order(Pg.KAKAOPAY);
        IamportPayment payment = fixture.seed(fixture.payment(order));

        WebhookVerdict first = webhooks.receive(notice(payment, "paid"), IAMPORT_IP);
        fixture.clock.advance(Duration.ofSeconds(1));
        WebhookVerdict second = webhooks.receive(notice(payment, "paid"), IAMPORT_IP);

        assertThat(List.of(first, second)).containsOnly(WebhookVerdict.HANDLED);
        assertThat(fixture.stored(order.merchantUid()).version()).isEqualTo(2);
        assertThat(fixture.stores.webhookLog().deliveries(payment.impUid())).extracting(WebhookDelivery::detail)
                .containsExactly("now PAID", "no change, PAID");
    }

    /** The "ready" notice of a virtual account arrives after the deposit's "paid": the order is paid either way. */
    @Test
    void aReadyNoticeArrivingAfterTheDeposit_changesNothing() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment issued = fixture.seed(fixture.payment(order).awaitingDeposit(new VirtualAccount("004", "KB국민은행",
                "12345678901234", "(주)스토어프론트", Instant.parse("2026-06-03T14:59:59Z"))));
        fixture.seed(IamportPaymentBuilder.from(issued).status(PaymentStatus.PAID).paidAt(fixture.clock.instant()));

        WebhookVerdict paid = webhooks.receive(notice(issued, "paid"), IAMPORT_IP);
        fixture.clock.advance(Duration.ofMinutes(1));
        WebhookVerdict lateReady = webhooks.receive(notice(issued, "ready"), IAMPORT_IP);

        assertThat(List.of(paid, lateReady)).containsOnly(WebhookVerdict.HANDLED);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.stored(order.merchantUid()).version()).as("PENDING -> PAID in one step").isEqualTo(2);
        assertThat(fixture.stores.webhookLog().deliveries(issued.impUid())).extracting(WebhookDelivery::status, WebhookDelivery::detail)
                .containsExactly(tuple("paid", "now PAID"),
                        tuple("ready", "no change, PAID"));
    }

    @Test
    void aPaidNoticeDelayedPastTheRefund_leavesTheOrderCancelled() {
        Order order = fixture.order(Pg.KAKAOPAY);
        IamportPayment paid = fixture.seed(fixture.payment(order));
        fixture.seed(IamportPaymentBuilder.from(paid).refunded(PRICE, fixture.clock.instant()));

        webhooks.receive(new WebhookNotification(paid.impUid(), order.merchantUid(), "cancelled", "cancel_0001"), IAMPORT_IP);
        webhooks.receive(notice(paid, "paid"), IAMPORT_IP);

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(fixture.stores.webhookLog().deliveries(paid.impUid())).extracting(WebhookDelivery::detail)
                .containsExactly("now CANCELLED", "no change, CANCELLED");
    }

    @Test
    void aLateApprovalNotice_makesAFailedOrderPaid() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment failed = fixture.seed(fixture.payment(order).failed("PAY_PROCESS_CANCELED", fixture.clock.instant()));
        webhooks.receive(notice(failed, "failed"), IAMPORT_IP);
        fixture.seed(IamportPaymentBuilder.from(failed).status(PaymentStatus.PAID).paidAt(fixture.clock.instant()));

        webhooks.receive(notice(failed, "paid"), IAMPORT_IP);

        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.stores.webhookLog().deliveries(failed.impUid())).extracting(WebhookDelivery::detail)
                .containsExactly("now FAILED", "now PAID");
    }

    // ---- 404: unknown ids

    @Test
    void anImpUidIamportDoesNotKnow_isUnknown_andChangesNothing() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);

        WebhookVerdict verdict = webhooks.receive(new WebhookNotification("imp_999999999999", order.merchantUid(), "paid", null),
                "198.51.100.7");

        assertThat(verdict).isEqualTo(WebhookVerdict.UNKNOWN);
        assertThat(fixture.stored(order.merchantUid())).isEqualTo(order);
        assertThat(fixture.stores.webhookLog().deliveries("imp_999999999999")).singleElement().satisfies(record -> {
            assertThat(record.verdict()).isEqualTo(WebhookVerdict.UNKNOWN);
            assertThat(record.detail()).isEqualTo("i'mport knows no such payment");
            assertThat(record.sourceIp()).isEqualTo("198.51.100.7");
        });
    }

    @Test
    void aPaymentOfAnOrderThatIsNotOurs_isUnknown() {
        IamportPayment stranger = fixture.iamport.seedPayment(fixture.iamport.newPayment("ord_elsewhere", PRICE).build());

        WebhookVerdict verdict = webhooks.receive(notice(stranger, "paid"), IAMPORT_IP);

        assertThat(verdict).isEqualTo(WebhookVerdict.UNKNOWN);
        assertThat(onlyDelivery(stranger).detail()).isEqualTo("no order ord_elsewhere");
    }

    /** A webhook always names the imp_uid, and find by imp_uid hides test-channel payments in production. */
    @Test
    void aTestChannelPayment_isUnknown_inProduction() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment test = fixture.seed(fixture.payment(order).sandbox(true));

        assertThat(webhooks.receive(notice(test, "paid"), IAMPORT_IP)).isEqualTo(WebhookVerdict.UNKNOWN);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PENDING);
    }

    // ---- 400: mismatched ids, malformed bodies

    @Test
    void theImpUidOfAnotherOrder_isRejected_andNeitherOrderChanges() {
        Order victim = fixture.order(Pg.TOSSPAYMENTS);
        Order paid = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(paid));

        WebhookVerdict verdict = webhooks.receive(new WebhookNotification(payment.impUid(), victim.merchantUid(), "paid", null),
                IAMPORT_IP);

        assertThat(verdict).isEqualTo(WebhookVerdict.REJECTED);
        assertThat(fixture.stored(victim.merchantUid())).isEqualTo(victim);
        assertThat(fixture.stored(paid.merchantUid())).isEqualTo(paid);
        assertThat(onlyDelivery(payment).detail()).isEqualTo("imp_uid and merchant_uid do not belong together");
    }

    @Test
    void aMalformedBody_isRecordedAsRejected_withoutAskingIamport() {
        fixture.clock.set(Instant.parse("2026-06-02T10:00:00Z"));

        webhooks.recordMalformed("198.51.100.7", "imp_uid is required");

        assertThat(fixture.stores.webhookLog().deliveries("-")).containsExactly(new WebhookDelivery("-", null, null, null,
                "198.51.100.7", Instant.parse("2026-06-02T10:00:00Z"), WebhookVerdict.REJECTED, "malformed: imp_uid is required",
                Instant.parse("2026-08-31T10:00:00Z")));
        assertThat(fixture.iamport.calls()).isEmpty();
    }

    @Test
    void aMalformedBody_whileTheLogIsDown_isOnlyNotRecorded() {
        fixture.stores.webhookLog().faults().failNextCall("record");

        webhooks.recordMalformed(null, "not JSON");

        assertThat(fixture.stores.webhookLog().all()).isEmpty();
    }

    // ---- 403: sender not allowlisted

    @Test
    void withAnAllowlist_aStranger_isRefusedUnasked_andRecorded() {
        WebhookService guarded = fixture.webhooks(new WebhookConfiguration(IAMPORT_IPS, RETENTION));
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));

        WebhookVerdict stranger = guarded.receive(notice(payment, "paid"), "198.51.100.7");
        WebhookVerdict unknownSender = guarded.receive(notice(payment, "paid"), null);

        assertThat(List.of(stranger, unknownSender)).containsOnly(WebhookVerdict.SOURCE_NOT_ALLOWED);
        assertThat(fixture.stored(order.merchantUid())).isEqualTo(order);
        assertThat(fixture.iamport.calls()).isEmpty();
        assertThat(fixture.stores.webhookLog().deliveries(payment.impUid())).extracting(WebhookDelivery::detail)
                .containsExactly("sender not on the allowlist", "sender not on the allowlist");
    }

    @Test
    void withAnAllowlist_iamportsSender_isHandled() {
        WebhookService guarded = fixture.webhooks(new WebhookConfiguration(IAMPORT_IPS, RETENTION));
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));

        assertThat(guarded.receive(notice(payment, "paid"), IAMPORT_IP)).isEqualTo(WebhookVerdict.HANDLED);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }

    /** The list comes from a comma-separated setting: spaces around entries and empty entries are not addresses. */
    @Test
    void theAllowlist_isTrimmed_andAListOfBlanksIsNoAllowlist() {
        assertThat(new WebhookConfiguration(Arrays.asList(" 52.78.5.241 ", "", "  "), RETENTION).allowedSourceIps())
                .containsExactly(IAMPORT_IP);
        assertThat(new WebhookConfiguration(null, RETENTION).allowedSourceIps()).isEmpty();

        WebhookService open = fixture.webhooks(new WebhookConfiguration(List.of(" "), RETENTION));
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        assertThat(open.receive(notice(payment, "paid"), "198.51.100.7")).isEqualTo(WebhookVerdict.HANDLED);
    }

    // ---- 503: a retry can help

    @Test
    void iamportUnreachable_asksForARetry_andTheResendIsHandled() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.iamport.next(Operation.FIND_PAYMENT, Answer.unreachable());

        WebhookVerdict first = webhooks.receive(notice(payment, "paid"), IAMPORT_IP);
        fixture.clock.advance(Duration.ofMinutes(1));
        WebhookVerdict resend = webhooks.receive(notice(payment, "paid"), IAMPORT_IP);

        assertThat(first).isEqualTo(WebhookVerdict.RETRY_LATER);
        assertThat(resend).isEqualTo(WebhookVerdict.HANDLED);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.stores.webhookLog().deliveries(payment.impUid())).extracting(WebhookDelivery::verdict)
                .containsExactly(WebhookVerdict.RETRY_LATER, WebhookVerdict.HANDLED);
        assertThat(fixture.stores.webhookLog().deliveries(payment.impUid()).get(0).detail())
                .startsWith("IamportUnavailableException: connection refused");
    }

    @Test
    void ourStoreUnreachable_asksForARetry() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.stores.orders().faults().failNextCall("update");

        assertThat(webhooks.receive(notice(payment, "paid"), IAMPORT_IP)).isEqualTo(WebhookVerdict.RETRY_LATER);
        assertThat(onlyDelivery(payment).detail()).startsWith("StoreUnavailableException: injected fault: orders.update");
    }

    @Test
    void anOrderThatKeepsChanging_asksForARetry() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.orders.touchedBeforeNextUpdates(order.merchantUid(), 5);

        assertThat(webhooks.receive(notice(payment, "paid"), IAMPORT_IP)).isEqualTo(WebhookVerdict.RETRY_LATER);
        assertThat(onlyDelivery(payment).detail()).startsWith("ConcurrentUpdateException");
    }

    /** Our credentials refused, or an answer we cannot read: nothing the sender did wrong, so it may send again. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(IamportFault.class)
    void anIamportFailureThatNeedsAnOperator_alsoAsksForARetry(IamportFault fault) {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.iamport.next(Operation.FIND_PAYMENT, fault.answer);

        assertThat(webhooks.receive(notice(payment, "paid"), IAMPORT_IP)).isEqualTo(WebhookVerdict.RETRY_LATER);
        assertThat(onlyDelivery(payment).detail()).startsWith(fault.exception + ": ");
        assertThat(fixture.stored(order.merchantUid())).isEqualTo(order);
    }

    enum IamportFault {
        CREDENTIALS_REJECTED(Answer.throwing(new IamportAuthenticationException("i'mport rejected the API key")),
                "IamportAuthenticationException"),
        UNREADABLE_ANSWER(Answer.throwing(new IamportProtocolException("unreadable payment", null)), "IamportProtocolException"),
        REFUSED(Answer.refuse(-1, "unexpected error"), "IamportRejectedException");

        final Answer answer;
        final String exception;

        IamportFault(Answer answer, String exception) {
            this.answer = answer;
            this.exception = exception;
        }
    }

    @Test
    void theWholeTableDown_asksForARetry_evenThoughTheDeliveryCannotBeRecorded() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.stores.failAllCalls();

        WebhookVerdict verdict = webhooks.receive(notice(payment, "paid"), IAMPORT_IP);

        assertThat(verdict).isEqualTo(WebhookVerdict.RETRY_LATER);
        assertThat(fixture.stores.webhookLog().all()).isEmpty();
    }

    /** The audit trail must not turn a handled payment into a retry storm. */
    @Test
    void theLogDown_stillHandlesThePayment() {
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));
        fixture.stores.webhookLog().faults().failAllCalls();

        assertThat(webhooks.receive(notice(payment, "paid"), IAMPORT_IP)).isEqualTo(WebhookVerdict.HANDLED);
        assertThat(fixture.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(fixture.stores.webhookLog().all()).isEmpty();
    }

    // ---- retention

    @Test
    void records_expireAfterTheConfiguredRetention() {
        WebhookService shortLived = fixture.webhooks(new WebhookConfiguration(List.of(), Duration.ofDays(7)));
        Order order = fixture.order(Pg.TOSSPAYMENTS);
        IamportPayment payment = fixture.seed(fixture.payment(order));

        shortLived.receive(notice(payment, "paid"), IAMPORT_IP);

        WebhookDelivery record = onlyDelivery(payment);
        assertThat(record.expiresAt()).isEqualTo(record.receivedAt().plus(Duration.ofDays(7)));
        fixture.stores.webhookLog().removeExpired(record.receivedAt().plus(Duration.ofDays(7)));
        assertThat(fixture.stores.webhookLog().all()).hasSize(1);
        fixture.stores.webhookLog().removeExpired(record.receivedAt().plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(fixture.stores.webhookLog().all()).isEmpty();
    }

    private static WebhookNotification notice(IamportPayment payment, String claimedStatus) {
        return new WebhookNotification(payment.impUid(), payment.merchantUid(), claimedStatus, null);
    }

    private WebhookDelivery onlyDelivery(IamportPayment payment) {
        List<WebhookDelivery> deliveries = fixture.stores.webhookLog().deliveries(payment.impUid());
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }
}

package kr.storefront.payments.iamport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.BillingKeyIssue;
import kr.storefront.payments.core.iamport.CancelOutcome;
import kr.storefront.payments.core.iamport.CardDetails;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportAuthenticationException;
import kr.storefront.payments.core.iamport.IamportBillingKey;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.IamportRejectedException;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.iamport.OneTimeCardCharge;
import kr.storefront.payments.core.iamport.PaymentCancel;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.testing.InMemorySecretSource;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.core.testing.Secrets;
import kr.storefront.payments.iamport.client.testing.SandboxContext;
import kr.storefront.payments.testkit.iamport.CardBehaviour;
import kr.storefront.payments.testkit.iamport.Channel;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.RecordedRequest;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The i'mport client against the sandbox: envelope reading, outcome classification, token and retry rules. */
class HttpIamportGatewayTest {

    private static IamportSandbox sandbox;

    private ApplicationContext context;
    private IamportGateway gateway;
    private MutableClock clock;

    @BeforeAll
    static void startSandbox() {
        sandbox = IamportSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void setUp() {
        sandbox.reset();
        context = SandboxContext.start(sandbox, Map.of());
        gateway = context.getBean(IamportGateway.class);
        clock = context.getBean(MutableClock.class);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    // --- outcome classification of charges ---

    @Test
    void chargeBillingKey_approved_isPaid() {
        String customerUid = issueKey();

        ChargeOutcome outcome = gateway.chargeBillingKey(charge(customerUid, "sub_a_p0_a1"));

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Paid.class, paid -> {
            assertThat(paid.payment().status()).isEqualTo(PaymentStatus.PAID);
            assertThat(paid.payment().amount()).isEqualTo(8900);
            assertThat(paid.payment().merchantUid()).isEqualTo("sub_a_p0_a1");
            assertThat(paid.payment().customerUid()).isEqualTo(customerUid);
        });
    }

    @Test
    void chargeBillingKey_code0WithStatusFailed_isDeclinedWithTheFailReason() {
        String customerUid = issueKey();
        sandbox.setCardBehaviour(customerUid, CardBehaviour.declineAsFailedStatus("한도초과"));

        ChargeOutcome outcome = gateway.chargeBillingKey(charge(customerUid, "sub_b_p0_a1"));

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Declined.class, declined -> {
            assertThat(declined.code()).isZero();
            assertThat(declined.reason()).contains("한도초과");
            assertThat(declined.payment()).isNotNull();
            assertThat(declined.payment().status()).isEqualTo(PaymentStatus.FAILED);
        });
    }

    @Test
    void chargeBillingKey_codeMinusOne_isDeclinedWithTheMessage() {
        String customerUid = issueKey();
        sandbox.setCardBehaviour(customerUid, CardBehaviour.declineAsCodeMinusOne("결제승인에 실패하였습니다. [2116]개인 월 한도금액 초과"));

        ChargeOutcome outcome = gateway.chargeBillingKey(charge(customerUid, "sub_c_p0_a1"));

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Declined.class, declined -> {
            assertThat(declined.code()).isEqualTo(-1);
            assertThat(declined.reason()).contains("[2116]");
            assertThat(declined.payment()).isNull();
        });
    }

    @Test
    void chargeBillingKey_unknownCustomerUid_isDeclined() {
        ChargeOutcome outcome = gateway.chargeBillingKey(charge("cuid_never_issued", "sub_d_p0_a1"));

        assertThat(outcome).isInstanceOf(ChargeOutcome.Declined.class);
    }

    @Test
    void chargeBillingKey_timeoutAfterTheChargeWasApplied_isUnknown_andNotRetried() {
        String customerUid = issueKey();
        sandbox.faults().timeoutAfterApply(Endpoint.AGAIN, 1, Duration.ofSeconds(4));

        ChargeOutcome outcome = gateway.chargeBillingKey(charge(customerUid, "sub_e_p0_a1"));

        assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
        assertThat(sandbox.paymentsByMerchantUid("sub_e_p0_a1")).singleElement()
                .satisfies(payment -> assertThat(payment.isPaid()).isTrue());
        assertThat(sandbox.count(Endpoint.AGAIN)).isEqualTo(1);
    }

    @Test
    void aCharge_waitsForTheChargeReadTimeout_whereALookupGivesUpAtTheStandardOne() {
        String customerUid = issueKey();
        try (ApplicationContext split = SandboxContext.start(sandbox, Map.of("iamport.read-timeout", "300ms",
                "iamport.charge-read-timeout", "5s", "iamport.read-retries", "1"))) {
            IamportGateway splitGateway = split.getBean(IamportGateway.class);
            splitGateway.findPayment("imp_before_latency"); // the token, fetched before the answers slow down
            sandbox.faults().latency(Endpoint.AGAIN, Duration.ofMillis(900)).latency(Endpoint.GET_PAYMENT, Duration.ofMillis(900));

            assertThat(splitGateway.chargeBillingKey(charge(customerUid, "sub_t_p0_a1"))).isInstanceOf(ChargeOutcome.Paid.class);
            assertThatThrownBy(() -> splitGateway.findPayment("imp_slow"))
                    .isInstanceOfSatisfying(IamportUnavailableException.class, e -> assertThat(e.getMessage()).contains("timed out"));
        }
    }

    @Test
    void chargeBillingKey_connectionDroppedAfterApply_isUnknown() {
        String customerUid = issueKey();
        sandbox.faults().dropAfterApply(Endpoint.AGAIN, 1);

        ChargeOutcome outcome = gateway.chargeBillingKey(charge(customerUid, "sub_f_p0_a1"));

        assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
        assertThat(sandbox.count(Endpoint.AGAIN)).isEqualTo(1);
    }

    @Test
    void chargeBillingKey_serverError_isUnknown_andNotRetried() {
        String customerUid = issueKey();
        sandbox.faults().failNext(Endpoint.AGAIN, 1, 502);

        ChargeOutcome outcome = gateway.chargeBillingKey(charge(customerUid, "sub_g_p0_a1"));

        assertThat(outcome).isInstanceOf(ChargeOutcome.Unknown.class);
        assertThat(sandbox.count(Endpoint.AGAIN)).isEqualTo(1);
    }

    @Test
    void chargeBillingKey_connectionRefused_isNotAttempted() {
        try (ApplicationContext refused = SandboxContext.start(sandbox, Map.of("iamport.base-url", "http://127.0.0.1:" + closedPort()))) {
            ChargeOutcome outcome = refused.getBean(IamportGateway.class).chargeBillingKey(charge("cuid_x", "sub_h_p0_a1"));

            assertThat(outcome).isInstanceOf(ChargeOutcome.NotAttempted.class);
        }
    }

    @Test
    void chargeBillingKey_serverGoneAfterTheTokenWasCached_isNotAttempted() {
        IamportSandbox shortLived = IamportSandbox.start();
        try (ApplicationContext shortContext = SandboxContext.start(shortLived, Map.of())) {
            IamportGateway shortGateway = shortContext.getBean(IamportGateway.class);
            shortGateway.findPayment("imp_1");
            shortLived.close();

            ChargeOutcome outcome = shortGateway.chargeBillingKey(charge("cuid_x", "sub_k_p0_a1"));

            assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.NotAttempted.class,
                    n -> assertThat(n.reason()).contains("ConnectException").doesNotContain("access token"));
        } finally {
            shortLived.close();
        }
    }

    @Test
    void chargeBillingKey_tokenUnavailable_isNotAttempted_andTheChargeIsNeverSent() {
        String customerUid = issueKey();
        sandbox.faults().failNext(Endpoint.GET_TOKEN, 1, 503);

        ChargeOutcome outcome = gateway.chargeBillingKey(charge(customerUid, "sub_i_p0_a1"));

        assertThat(outcome).isInstanceOf(ChargeOutcome.NotAttempted.class);
        assertThat(sandbox.count(Endpoint.AGAIN)).isZero();
    }

    // --- envelope and lookups ---

    @Test
    void findPayment_paid_readsTheEnvelopesResponse() {
        WindowResult window = payInWindow("ord_paid_1", 15000);

        IamportPayment payment = gateway.findPayment(window.impUid()).orElseThrow();

        assertThat(payment.impUid()).isEqualTo(window.impUid());
        assertThat(payment.merchantUid()).isEqualTo("ord_paid_1");
        assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payment.amount()).isEqualTo(15000);
        assertThat(payment.currency()).isEqualTo("KRW");
        assertThat(payment.sandbox()).isFalse();
        assertThat(payment.paidAt()).isNotNull();
    }

    @Test
    void findPayment_unknownImpUid_is404_andEmpty() {
        assertThat(gateway.findPayment("imp_000000000000")).isEmpty();
    }

    @Test
    void findPayment_testChannelPayment_isHiddenUnlessIncludeSandboxIsOn() {
        WindowResult window = sandbox.completeWindow(WindowRequest.builder(orderParams("ord_test_1", 1000))
                .outcome(WindowOutcome.pay()).testChannel(true).build());

        assertThat(gateway.findPayment(window.impUid())).isEmpty();
        try (ApplicationContext withSandbox = SandboxContext.start(sandbox, Map.of("iamport.include-sandbox", "true"))) {
            assertThat(withSandbox.getBean(IamportGateway.class).findPayment(window.impUid()))
                    .get().extracting(IamportPayment::sandbox).isEqualTo(true);
        }
    }

    @Test
    void findPaymentByMerchantUid_withStatus_findsOnlyThatStatus() {
        payInWindow("ord_find_1", 3000);

        assertThat(gateway.findPaymentByMerchantUid("ord_find_1", PaymentStatus.PAID)).isPresent();
        assertThat(gateway.findPaymentByMerchantUid("ord_find_1", PaymentStatus.CANCELLED)).isEmpty();
        assertThat(gateway.findPaymentByMerchantUid("ord_nobody", null)).isEmpty();
    }

    @Test
    void findPayment_serverErrorOnce_isRetried_andSucceeds() {
        WindowResult window = payInWindow("ord_retry_1", 2000);
        sandbox.faults().failNext(Endpoint.GET_PAYMENT, 1, 503);

        assertThat(gateway.findPayment(window.impUid())).isPresent();
        assertThat(sandbox.count(Endpoint.GET_PAYMENT)).isEqualTo(2);
    }

    @Test
    void findPayment_serverErrorEveryTime_givesUpAfterTheRetries() {
        sandbox.faults().failNext(Endpoint.GET_PAYMENT, 10, 500);

        assertThatThrownBy(() -> gateway.findPayment("imp_123456789012")).isInstanceOf(IamportUnavailableException.class);
        assertThat(sandbox.count(Endpoint.GET_PAYMENT)).isEqualTo(3);
    }

    @Test
    void prepare_registersTheAmount_andASecondPrepareIsRefusedWithItsCode() {
        gateway.prepare("ord_prep_1", 45000);

        assertThat(sandbox.preparedAmount("ord_prep_1")).contains(45000L);
        assertThat(gateway.findPreparedAmount("ord_prep_1")).contains(45000L);
        assertThatThrownBy(() -> gateway.prepare("ord_prep_1", 45000))
                .isInstanceOfSatisfying(IamportRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(1);
                    assertThat(e.httpStatus()).isEqualTo(200);
                });
    }

    // --- cancel ---

    @Test
    void cancel_partialWithTheRightChecksum_thenTheRest() {
        WindowResult window = payInWindow("ord_cancel_1", 10000);

        CancelOutcome partial = gateway.cancel(new PaymentCancel(window.impUid(), 4000L, 10000, "부분 환불"));
        CancelOutcome rest = gateway.cancel(new PaymentCancel(window.impUid(), null, 6000, "나머지 환불"));

        assertThat(partial).isInstanceOfSatisfying(CancelOutcome.Cancelled.class, c -> {
            assertThat(c.payment().status()).isEqualTo(PaymentStatus.PAID);
            assertThat(c.payment().cancelledAmount()).isEqualTo(4000);
            assertThat(c.payment().cancelHistory()).singleElement().satisfies(entry -> {
                assertThat(entry.amount()).isEqualTo(4000);
                assertThat(entry.pgTid()).isNotBlank();
                assertThat(entry.cancelledAt()).isNotNull();
                assertThat(entry.reason()).isEqualTo("부분 환불");
            });
        });
        assertThat(rest).isInstanceOfSatisfying(CancelOutcome.Cancelled.class,
                c -> assertThat(c.payment().status()).isEqualTo(PaymentStatus.CANCELLED));
    }

    @Test
    void cancel_ofAVbankPayment_sendsTheRefundAccount_withoutItIsRejected() {
        Map<String, Object> params = new HashMap<>(orderParams("ord_cancel_vbank", 10000));
        params.put("pay_method", "vbank");
        WindowResult issued = sandbox.completeWindow(WindowRequest.builder(params).outcome(WindowOutcome.issueVbank()).build());
        sandbox.depositVbank(issued.impUid());

        CancelOutcome refused = gateway.cancel(new PaymentCancel(issued.impUid(), 1000L, 10000, "환불"));
        CancelOutcome refunded = gateway.cancel(new PaymentCancel(issued.impUid(), 1000L, 10000, "환불", null, "홍길동", "004",
                "12345678901234", "010-1234-5678"));

        assertThat(refused).isInstanceOf(CancelOutcome.Rejected.class);
        assertThat(refunded).isInstanceOfSatisfying(CancelOutcome.Cancelled.class,
                c -> assertThat(c.payment().cancelledAmount()).isEqualTo(1000));
        assertThat(sandbox.requests()).filteredOn(r -> r.endpoint() == Endpoint.CANCEL).last()
                .satisfies(r -> assertThat(r.params()).containsEntry("refund_holder", "홍길동").containsEntry("refund_bank", "004")
                        .containsEntry("refund_account", "12345678901234").containsEntry("refund_tel", "010-1234-5678"));
    }

    @Test
    void cancel_staleChecksum_isRejected_andNothingIsRefunded() {
        WindowResult window = payInWindow("ord_cancel_2", 10000);

        CancelOutcome outcome = gateway.cancel(new PaymentCancel(window.impUid(), 1000L, 9000, "retry with stale balance"));

        assertThat(outcome).isInstanceOf(CancelOutcome.Rejected.class);
        assertThat(sandbox.payment(window.impUid()).orElseThrow().isPaid()).isTrue();
    }

    @Test
    void cancel_unknownPayment_isRejectedWithCode1() {
        CancelOutcome outcome = gateway.cancel(new PaymentCancel("imp_999999999999", null, 100, "none"));

        assertThat(outcome).isInstanceOfSatisfying(CancelOutcome.Rejected.class, r -> assertThat(r.code()).isEqualTo(1));
    }

    // --- billing keys ---

    @Test
    void findBillingKey_issuedInTheWindow_hasTheMaskedCard_andDeleteRemovesIt() {
        String customerUid = issueKey();

        IamportBillingKey key = gateway.findBillingKey(customerUid).orElseThrow();

        assertThat(key.pgProvider()).isEqualTo("tosspayments");
        assertThat(key.card().maskedNumber()).contains("*");
        assertThat(gateway.deleteBillingKey(customerUid, "customer request")).isTrue();
        assertThat(gateway.findBillingKey(customerUid)).isEmpty();
        assertThat(gateway.deleteBillingKey(customerUid, "again")).isFalse();
    }

    @Test
    void issueBillingKey_apiMode_andAuthenticationFailureIsRejectedWithTheCardMessage() {
        CardDetails card = new CardDetails("5365-1000-2000-3000", "2030-12", "900101", "12");
        IamportBillingKey key = gateway.issueBillingKey(new BillingKeyIssue("cuid_api_1", Channel.TOSS_API_KEY, "cust-42", card));

        assertThat(key.customerUid()).isEqualTo("cuid_api_1");
        assertThat(key.card().maskedNumber()).doesNotContain("10002000");

        sandbox.setCardNumberBehaviour("5365-1000-2000-4000", CardBehaviour.authenticationFailure());
        CardDetails refused = new CardDetails("5365-1000-2000-4000", "2030-12", "900101", "12");
        assertThatThrownBy(() -> gateway.issueBillingKey(new BillingKeyIssue("cuid_api_2", Channel.TOSS_API_KEY, "cust-42", refused)))
                .isInstanceOf(IamportRejectedException.class).hasMessageNotContaining("5365");
    }

    @Test
    void issueBillingKey_sendsTheChannelKey_andNotTheDeprecatedPg() {
        CardDetails card = new CardDetails("5365-1000-2000-3000", "2030-12", "900101", "12");

        IamportBillingKey key = gateway.issueBillingKey(new BillingKeyIssue("cuid_api_3", Channel.TOSS_API_KEY, "cust-42", card));

        Map<String, Object> sent = lastRequest(Endpoint.ISSUE_BILLING_KEY).params();
        assertThat(sent).containsEntry("channel_key", Channel.TOSS_API_KEY).containsEntry("customer_id", "cust-42")
                .doesNotContainKey("pg");
        assertThat(key.pgProvider()).isEqualTo("tosspayments");
    }

    @Test
    void findPreparedAmount_nothingRegistered_isEmpty_whetherAnsweredWithCodeOr404() {
        assertThat(gateway.findPreparedAmount("ord_prep_none")).isEmpty();
        assertThat(lastRequest(Endpoint.GET_PREPARE).status()).isEqualTo(200);
        assertThat(lastRequest(Endpoint.GET_PREPARE).code()).isEqualTo(1);

        sandbox.faults().failNext(Endpoint.GET_PREPARE, 1, 404);
        assertThat(gateway.findPreparedAmount("ord_prep_none")).isEmpty();
    }

    @Test
    void findPaymentByMerchantUid_sendsNoIncludeSandbox_andFindsTestChannelPaymentsMarkedAsSuch() {
        sandbox.completeWindow(WindowRequest.builder(Map.of("pg", "kakaopay", "pay_method", "card", "merchant_uid", "ord_test_ch",
                "amount", 1000)).testChannel(true).build());

        IamportPayment payment = gateway.findPaymentByMerchantUid("ord_test_ch", null).orElseThrow();

        assertThat(payment.sandbox()).isTrue();
        assertThat(lastRequest(Endpoint.FIND_PAYMENT).query()).isEmpty();
    }

    @Test
    void chargeCardOnce_approved_isPaid() {
        CardDetails card = new CardDetails("5365-1000-2000-3000", "2030-12", "900101", "12");

        ChargeOutcome outcome = gateway.chargeCardOnce(new OneTimeCardCharge("ord_once_1", 12000, "Gift box", "tosspayments",
                card, null, null));

        assertThat(outcome).isInstanceOf(ChargeOutcome.Paid.class);
    }

    // --- tokens and credentials ---

    @Test
    void token_isFetchedOnce_andReusedAcrossCalls() {
        gateway.findPayment("imp_1");
        gateway.findPayment("imp_2");
        gateway.findPaymentByMerchantUid("ord_x", null);

        assertThat(sandbox.count(Endpoint.GET_TOKEN)).isEqualTo(1);
    }

    @Test
    void token_isRefreshedShortlyBeforeItsExpiry_measuredFromIamportsOwnClock() {
        // our clock is far from i'mport's; only expired_at - now matters
        clock.set(java.time.Instant.parse("2001-01-01T00:00:00Z"));
        gateway.findPayment("imp_1");

        clock.advance(Duration.ofMinutes(28));
        gateway.findPayment("imp_2");
        assertThat(sandbox.count(Endpoint.GET_TOKEN)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        gateway.findPayment("imp_3");
        assertThat(sandbox.count(Endpoint.GET_TOKEN)).isEqualTo(2);
    }

    @Test
    void token_rejectedWith401_isRefreshedOnce_andTheCallSucceeds() {
        WindowResult window = payInWindow("ord_401_1", 1000);
        gateway.findPayment(window.impUid());
        sandbox.expireTokens();

        assertThat(gateway.findPayment(window.impUid())).isPresent();
        assertThat(sandbox.count(Endpoint.GET_TOKEN)).isEqualTo(2);
    }

    @Test
    void credentialsRotated_secretIsReadAgainOnce_andCallsSucceed() {
        InMemorySecretSource secrets = context.getBean(InMemorySecretSource.class);
        gateway.findPayment("imp_1");
        sandbox.rotateCredentials("rotated-key", "rotated-secret");
        sandbox.expireTokens();
        secrets.put(SandboxContext.SECRET_ID, Secrets.iamportSecret("rotated-key", "rotated-secret", "imp00000000"));
        int readsBefore = secrets.reads();

        assertThat(gateway.findPayment("imp_2")).isEmpty();
        assertThat(secrets.reads()).isEqualTo(readsBefore + 1);
    }

    @Test
    void credentialsWrong_readsFailWithAuthentication_chargesAreNotAttempted() {
        context.getBean(InMemorySecretSource.class).put(SandboxContext.SECRET_ID,
                Secrets.iamportSecret("wrong-key", "wrong-secret", "imp00000000"));

        assertThatThrownBy(() -> gateway.findPayment("imp_1")).isInstanceOf(IamportAuthenticationException.class)
                .hasMessageNotContaining("wrong-secret");
        assertThat(gateway.chargeBillingKey(charge("cuid_x", "sub_j_p0_a1"))).isInstanceOf(ChargeOutcome.NotAttempted.class);
        assertThat(sandbox.count(Endpoint.AGAIN)).isZero();
    }

    // --- helpers ---

    private static BillingKeyCharge charge(String customerUid, String merchantUid) {
        return new BillingKeyCharge(customerUid, merchantUid, 8900, "Monthly plan", null);
    }

    private static String issueKey() {
        String customerUid = "cuid_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> params = new HashMap<>(orderParams("bk_" + customerUid, 0));
        params.put("customer_uid", customerUid);
        params.put("customer_id", "cust-42");
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(params).outcome(WindowOutcome.pay()).build());
        assertThat(result.success()).as("billing-key window").isTrue();
        return customerUid;
    }

    private static WindowResult payInWindow(String merchantUid, long amount) {
        WindowResult result = sandbox.completeWindow(WindowRequest.builder(orderParams(merchantUid, amount))
                .outcome(WindowOutcome.pay()).build());
        assertThat(result.success()).as("payment window").isTrue();
        return result;
    }

    private static Map<String, Object> orderParams(String merchantUid, long amount) {
        return Map.of("pg", "tosspayments", "pay_method", "card", "merchant_uid", merchantUid, "name", "Test order",
                "amount", amount, "buyer_email", "buyer@example.com");
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RecordedRequest lastRequest(Endpoint endpoint) {
        return sandbox.requests().stream().filter(request -> request.endpoint() == endpoint)
                .reduce((first, second) -> second).orElseThrow();
    }
}

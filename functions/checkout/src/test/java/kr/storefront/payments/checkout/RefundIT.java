package kr.storefront.payments.checkout;

import static kr.storefront.payments.checkout.CheckoutTestSupport.BEANS_PRICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.Payment;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /checkout/admin/orders/{merchant_uid}/refunds} through the deployed handler, on the emulator and sandbox. */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefundIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "arn:aws:iam::123456789012:user/admin";

    private FunctionTestBed bed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        // a short read timeout, so a cancel held by the sandbox times out quickly
        bed = CheckoutTestSupport.start(emulator, Map.of("iamport.read-timeout", "1s"));
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @BeforeEach
    void clearFaults() {
        bed.sandbox().faults().clear();
    }

    private HttpApiResponse refund(String merchantUid, String body, String idempotencyKey) {
        HttpApiEvent event = HttpApiEvent.request("POST", "/checkout/admin/orders/" + merchantUid + "/refunds").signedByIam(ADMIN)
                .body(body);
        return bed.invoke(idempotencyKey == null ? event : event.header("Idempotency-Key", idempotencyKey));
    }

    /** A BEANS order paid through the window ({@code payMethod} card or vbank, deposited) and confirmed. */
    private String paidOrder(String payMethod) {
        return CheckoutTestSupport.paidOrder(bed, "[{\"sku\":\"BEANS-1KG\",\"quantity\":1}]", payMethod);
    }

    private Order stored(String merchantUid) {
        return bed.bean(OrderStore.class).find(merchantUid).orElseThrow();
    }

    private Payment atIamport(String merchantUid) {
        return bed.sandbox().payment(stored(merchantUid).impUid()).orElseThrow();
    }

    @Test
    void partialThenFull_recordsEachRefund_theOrderEndsRefunded() {
        String merchantUid = paidOrder("card");

        HttpApiResponse partial = refund(merchantUid, "{\"amount\":5000,\"reason\":\"파손 일부 환불\"}", "rk-partial-1");
        HttpApiResponse replay = refund(merchantUid, "{\"amount\":5000,\"reason\":\"파손 일부 환불\"}", "rk-partial-1");
        HttpApiResponse rest = refund(merchantUid, "{\"reason\":\"주문 취소\"}", "rk-rest-1");

        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.json().path("outcome").asText()).isEqualTo("refunded");
        assertThat(partial.json().path("order_status").asText()).isEqualTo("partially_refunded");
        assertThat(partial.json().path("refundable_amount").asLong()).isEqualTo(BEANS_PRICE - 5000);
        assertThat(partial.json().path("refund").path("pg_tid").asText()).isNotBlank();
        assertThat(partial.json().path("refund").path("cancelled_at").asText()).isNotBlank();
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("refund_id").asText()).isEqualTo(partial.json().path("refund_id").asText());
        assertThat(rest.status()).isEqualTo(201);
        assertThat(rest.json().path("refund").path("amount").asLong()).isEqualTo(BEANS_PRICE - 5000);
        assertThat(rest.json().path("order_status").asText()).isEqualTo("refunded");
        assertThat(rest.json().path("refunds")).hasSize(2);

        Order order = stored(merchantUid);
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(order.refundedAmount()).isEqualTo(BEANS_PRICE);
        assertThat(atIamport(merchantUid).cancelHistory()).hasSize(2);
        assertThat(atIamport(merchantUid).status()).isEqualTo(Payment.Status.CANCELLED);

        HttpApiResponse more = refund(merchantUid, "{\"amount\":1,\"reason\":\"again\"}", null);
        assertThat(more.status()).isEqualTo(409);
        assertThat(more.errorCode()).isEqualTo("order_not_refundable");
    }

    @Test
    void twoConcurrentPartialRefunds_exceedingThePayment_exactlyOneSucceeds() throws Exception {
        String merchantUid = paidOrder("card");
        long each = BEANS_PRICE / 2 + 1000;
        try (FunctionTestBed other = bed.sibling()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpApiResponse>> answers = new ArrayList<>();
            for (FunctionTestBed instance : List.of(bed, other)) {
                Callable<HttpApiResponse> call = () -> {
                    start.await();
                    return instance.invoke(HttpApiEvent.request("POST", "/checkout/admin/orders/" + merchantUid + "/refunds")
                            .signedByIam(ADMIN).body("{\"amount\":" + each + ",\"reason\":\"race\"}"));
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpApiResponse> answer : answers) {
                statuses.add(answer.get().status());
            }
            pool.shutdown();

            assertThat(statuses).containsOnlyOnce(201);
            assertThat(statuses).allMatch(s -> s == 201 || s == 409 || s == 422);
        }
        assertThat(stored(merchantUid).refundedAmount()).isEqualTo(each);
        assertThat(atIamport(merchantUid).cancelAmount()).isEqualTo(each);
        assertThat(atIamport(merchantUid).cancelHistory()).hasSize(1);
    }

    @Test
    void aTimeoutAfterIamportAppliedTheCancel_isPending_thenReconciled_refundedOnce() {
        String merchantUid = paidOrder("card");
        long cancelsBefore = bed.sandbox().count(Endpoint.CANCEL);
        bed.sandbox().faults().timeoutAfterApply(Endpoint.CANCEL, 1, Duration.ofSeconds(3));

        HttpApiResponse first = refund(merchantUid, "{\"amount\":4000,\"reason\":\"늦은 응답\"}", "rk-timeout-1");
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().path("outcome").asText()).isEqualTo("pending");
        assertThat(stored(merchantUid).pendingRefund()).isNotNull();

        HttpApiResponse retry = refund(merchantUid, "{\"amount\":4000,\"reason\":\"늦은 응답\"}", "rk-timeout-1");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("refund_id").asText()).isEqualTo(first.json().path("refund_id").asText());
        assertThat(retry.json().path("refund").path("amount").asLong()).isEqualTo(4000);

        assertThat(bed.sandbox().count(Endpoint.CANCEL) - cancelsBefore).isEqualTo(1);
        assertThat(atIamport(merchantUid).cancelAmount()).isEqualTo(4000);
        Order order = stored(merchantUid);
        assertThat(order.refundedAmount()).isEqualTo(4000);
        assertThat(order.pendingRefund()).isNull();
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void aTimeoutAfterIamportAppliedTheCancel_isSettledByTheNextLookupOfTheOrder_refundedOnce() {
        String merchantUid = paidOrder("card");
        long cancelsBefore = bed.sandbox().count(Endpoint.CANCEL);
        bed.sandbox().faults().timeoutAfterApply(Endpoint.CANCEL, 1, Duration.ofSeconds(3));
        HttpApiResponse first = refund(merchantUid, "{\"amount\":3000,\"reason\":\"늦은 응답\"}", "rk-lookup-1");
        assertThat(first.status()).isEqualTo(202);

        HttpApiResponse lookup = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/orders/" + merchantUid).signedByIam(ADMIN));

        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.json().path("order").has("pending_refund")).as("settled before it is shown").isFalse();
        assertThat(lookup.json().path("order").path("status").asText()).isEqualTo("partially_refunded");
        assertThat(lookup.json().path("order").path("refunded_amount").asLong()).isEqualTo(3000);
        assertThat(lookup.json().path("refunds")).hasSize(1);
        assertThat(lookup.json().path("refunds").get(0).path("refund_id").asText()).isEqualTo(first.json().path("refund_id").asText());
        assertThat(stored(merchantUid).pendingRefund()).isNull();
        assertThat(bed.sandbox().count(Endpoint.CANCEL) - cancelsBefore).isEqualTo(1);
        assertThat(atIamport(merchantUid).cancelAmount()).isEqualTo(3000);
    }

    @Test
    void aRefundInTheConsoleWeHaveNotSeen_makesOurChecksumStale_i_mportRefuses_422_thenTheOrderCatchesUp() {
        String merchantUid = paidOrder("card");
        bed.sandbox().cancelFromConsole(stored(merchantUid).impUid(), 3_000L);

        HttpApiResponse stale = refund(merchantUid, "{\"amount\":2000,\"reason\":\"stale\"}", null);

        assertThat(stale.status()).isEqualTo(422);
        assertThat(stale.errorCode()).isEqualTo("refund_rejected");
        assertThat(stale.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("iamport_code");
        assertThat(stale.body()).doesNotContain("checksum(").doesNotContain(String.valueOf(BEANS_PRICE));
        assertThat(atIamport(merchantUid).cancelAmount()).isEqualTo(3_000);
        assertThat(stored(merchantUid).refundedAmount()).isEqualTo(3_000);

        HttpApiResponse again = refund(merchantUid, "{\"amount\":2000,\"reason\":\"stale\"}", null);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("refunds")).hasSize(2);
        assertThat(atIamport(merchantUid).cancelAmount()).isEqualTo(5_000);
    }

    @Test
    void vbankOrder_needsTheRefundAccount_thenIsRefunded() {
        String merchantUid = paidOrder("vbank");

        HttpApiResponse missing = refund(merchantUid, "{\"amount\":1000,\"reason\":\"환불\"}", null);
        HttpApiResponse done = refund(merchantUid, "{\"amount\":1000,\"reason\":\"환불\",\"refund_holder\":\"홍길동\","
                + "\"refund_bank\":\"004\",\"refund_account\":\"12345678901234\",\"refund_tel\":\"010-9876-5432\"}", null);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("details")).extracting(d -> d.path("field").asText())
                .containsExactly("refund_holder", "refund_bank", "refund_account");
        assertThat(done.status()).isEqualTo(201);
        assertThat(done.body()).doesNotContain("12345678901234", "010-9876-5432");
        assertThat(atIamport(merchantUid).cancelAmount()).isEqualTo(1000);
        assertThat(bed.sandbox().requests()).filteredOn(r -> r.endpoint() == Endpoint.CANCEL).last()
                .satisfies(r -> assertThat(r.params()).containsEntry("refund_holder", "홍길동").containsEntry("refund_bank", "004")
                        .containsEntry("refund_account", "12345678901234").containsEntry("refund_tel", "010-9876-5432"));
    }

    @Test
    void aSubscriptionCharge_isRefunded() {
        String customerUid = "cuid_refund_it_1";
        String merchantUid = "sub_refund_it_1_p1_a1";
        bed.sandbox().completeWindow(WindowRequest.builder(Map.of("pg", "tosspayments", "pay_method", "card",
                "merchant_uid", "ord_key_refund_it_1", "name", "Key", "amount", 0, "customer_uid", customerUid))
                .outcome(WindowOutcome.pay()).build());
        Instant now = Instant.now();
        bed.bean(OrderStore.class).insert(Order.pending(merchantUid, OrderKind.SUBSCRIPTION_CHARGE, "user-1", "Monthly", 29_000,
                Pg.TOSSPAYMENTS, "card", List.of(), customerUid, "sub_refund_it_1", now));
        ChargeOutcome charged = bed.bean(IamportGateway.class).chargeBillingKey(new BillingKeyCharge(customerUid, merchantUid,
                29_000, "Monthly", null));
        assertThat(charged).isInstanceOf(ChargeOutcome.Paid.class);
        bed.bean(ConfirmService.class).apply(((ChargeOutcome.Paid) charged).payment(), ConfirmSource.SERVER_CHARGE);
        assertThat(stored(merchantUid).status()).isEqualTo(OrderStatus.PAID);

        HttpApiResponse refunded = refund(merchantUid, "{\"reason\":\"구독 해지 환불\"}", null);

        assertThat(refunded.status()).isEqualTo(201);
        assertThat(refunded.json().path("order_status").asText()).isEqualTo("refunded");
        assertThat(stored(merchantUid).kind()).isEqualTo(OrderKind.SUBSCRIPTION_CHARGE);
        assertThat(atIamport(merchantUid).status()).isEqualTo(Payment.Status.CANCELLED);
    }

    @Test
    void aCustomerJwt_orNoSignature_onTheAdminRoute_is403_andNothingIsRefunded() {
        String merchantUid = paidOrder("card");

        HttpApiResponse customer = bed.invoke(HttpApiEvent.request("POST", "/checkout/admin/orders/" + merchantUid + "/refunds")
                .signedInAs("user-1").body("{\"reason\":\"mine\"}"));
        HttpApiResponse intruder = bed.invoke(HttpApiEvent.request("POST", "/checkout/admin/orders/" + merchantUid + "/refunds")
                .signedByIam("arn:aws:iam::123456789012:user/intern").body("{\"reason\":\"mine\"}"));

        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.errorCode()).isEqualTo("forbidden");
        assertThat(intruder.status()).isEqualTo(403);
        assertThat(stored(merchantUid).refundedAmount()).isZero();
        assertThat(atIamport(merchantUid).cancelAmount()).isZero();
    }

    @Test
    void refusals_haveTheErrorShape_andEchoNothing() {
        String merchantUid = paidOrder("card");

        HttpApiResponse tooMuch = refund(merchantUid, "{\"amount\":987654321,\"reason\":\"zzsecretzz\"}", null);
        HttpApiResponse noReason = refund(merchantUid, "{\"amount\":1000}", null);
        HttpApiResponse unknown = refund("ord_does_not_exist_1", "{\"reason\":\"x\"}", null);

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.errorCode()).isEqualTo("refund_exceeds_refundable");
        assertThat(tooMuch.body()).doesNotContain("987654321").doesNotContain("zzsecretzz");
        assertThat(tooMuch.json().path("request_id").isMissingNode()).isFalse();
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorCode()).isEqualTo("invalid_request");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(atIamport(merchantUid).cancelAmount()).isZero();
    }
}

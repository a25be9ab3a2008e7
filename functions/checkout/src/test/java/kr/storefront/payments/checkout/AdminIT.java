package kr.storefront.payments.checkout;

import static kr.storefront.payments.checkout.CheckoutTestSupport.BEANS_PRICE;
import static kr.storefront.payments.checkout.CheckoutTestSupport.DRIPPER_PRICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.admin.AuditTrail;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.confirm.WebhookLog;
import kr.storefront.payments.core.confirm.WebhookVerdict;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.iamport.BillingKeyCharge;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The back office's order lookups, subscription actions and audit trail through the deployed handler, on the emulator
 * and sandbox.
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminIT {

    private static final String ADMIN = "arn:aws:iam::123456789012:user/admin";
    private static final String ITEMS = "[{\"sku\":\"BEANS-1KG\",\"quantity\":2},{\"sku\":\"DRIPPER\",\"quantity\":1}]";

    private FunctionTestBed bed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        bed = CheckoutTestSupport.start(emulator, Map.of());
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    private HttpApiResponse admin(String method, String path) {
        return bed.invoke(HttpApiEvent.request(method, path).signedByIam(ADMIN));
    }

    private HttpApiResponse admin(String method, String path, String body) {
        return bed.invoke(HttpApiEvent.request(method, path).signedByIam(ADMIN).body(body));
    }

    @Test
    void anOrdersRecord_showsItsPayment_refunds_webhookDeliveries_andTheAuditOfEachRefund() {
        String merchantUid = CheckoutTestSupport.paidOrder(bed, ITEMS, "card");
        Order paid = bed.bean(OrderStore.class).find(merchantUid).orElseThrow();
        bed.bean(WebhookLog.class).record(new WebhookDelivery(paid.impUid(), merchantUid, "paid", null, "52.78.100.19",
                Instant.now(), WebhookVerdict.HANDLED, "no change", Instant.now().plus(Duration.ofDays(30))));

        HttpApiEvent refundOneLine = HttpApiEvent.request("POST", "/checkout/admin/orders/" + merchantUid + "/refunds")
                .signedByIam(ADMIN).body("{\"amount\":" + DRIPPER_PRICE + ",\"reason\":\"드리퍼 반품\"}");
        HttpApiResponse refunded = bed.invoke(refundOneLine);
        HttpApiResponse record = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/orders/" + merchantUid).signedByIam(ADMIN)
                .query("live", "true"));

        assertThat(refunded.status()).isEqualTo(201);
        assertThat(record.status()).isEqualTo(200);
        JsonNode body = record.json();
        assertThat(body.path("order").path("status").asText()).isEqualTo("partially_refunded");
        assertThat(body.path("order").path("amount").asLong()).isEqualTo(2 * BEANS_PRICE + DRIPPER_PRICE);
        assertThat(body.path("order").path("refundable_amount").asLong()).isEqualTo(2 * BEANS_PRICE);
        assertThat(body.path("order").path("lines")).hasSize(2);
        assertThat(body.path("order").path("lines").get(1).path("line_total").asLong()).isEqualTo(DRIPPER_PRICE);
        assertThat(body.path("payments")).hasSize(1);
        JsonNode payment = body.path("payments").get(0);
        assertThat(payment.path("imp_uid").asText()).isEqualTo(paid.impUid());
        assertThat(payment.path("at_iamport").path("status").asText()).isEqualTo("paid");
        assertThat(payment.path("at_iamport").path("cancel_amount").asLong()).isEqualTo(DRIPPER_PRICE);
        assertThat(payment.path("matches").asBoolean()).isTrue();
        assertThat(body.path("refunds")).hasSize(1);
        assertThat(body.path("refunds").get(0).path("amount").asLong()).isEqualTo(DRIPPER_PRICE);
        assertThat(body.path("webhook_deliveries")).hasSize(1);
        assertThat(body.path("webhook_deliveries").get(0).path("verdict").asText()).isEqualTo("handled");
        JsonNode audit = body.path("audit");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("principal_arn").asText()).isEqualTo(ADMIN);
        assertThat(audit.get(0).path("action").asText()).isEqualTo("refund");
        assertThat(audit.get(0).path("request_id").asText()).isNotBlank();
        assertThat(audit.get(0).path("at").asText()).isNotBlank();
        assertThat(audit.get(0).path("detail").asText()).contains(String.valueOf(DRIPPER_PRICE)).contains("드리퍼 반품");
        assertThat(audit.get(0).path("outcome").asText()).startsWith("refunded: " + DRIPPER_PRICE + " won");
        assertThat(bed.bean(AuditTrail.class).forOrder(merchantUid)).hasSize(1);
    }

    @Test
    void aRefundIAmportRefuses_isAuditedAsFailed_andAnUnknownOrderIs404() {
        String merchantUid = CheckoutTestSupport.paidOrder(bed, ITEMS, "card");

        HttpApiResponse tooMuch = admin("POST", "/checkout/admin/orders/" + merchantUid + "/refunds",
                "{\"amount\":999999,\"reason\":\"x\"}");
        HttpApiResponse unknown = admin("GET", "/checkout/admin/orders/ord_no_such_order_000000001");

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(admin("GET", "/checkout/admin/orders/" + merchantUid).json().path("audit").get(0).path("outcome").asText())
                .isEqualTo("failed: exceeds_refundable");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
    }

    @Test
    void theOrderList_isOneStatusInATimeWindow_newestFirst_pageByPage() {
        Instant from = Instant.now().minusMillis(1);
        List<String> paid = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            paid.add(0, CheckoutTestSupport.paidOrder(bed, ITEMS, "card"));
        }
        String pending = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders").body("{\"items\":" + ITEMS
                + ",\"pg\":\"tosspayments\",\"pay_method\":\"card\",\"device\":\"pc\"}")).json().path("params")
                .path("merchant_uid").asText();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpApiEvent page = HttpApiEvent.request("GET", "/checkout/admin/orders").signedByIam(ADMIN).query("status", "paid")
                    .query("from", from.toString()).query("limit", "2");
            HttpApiResponse response = bed.invoke(cursor == null ? page : page.query("cursor", cursor));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            response.json().path("items").forEach(item -> seen.add(item.path("merchant_uid").asText()));
            cursor = response.json().path("next_cursor").isMissingNode() ? null : response.json().path("next_cursor").asText();
            pages++;
        } while (cursor != null);
        HttpApiResponse pendingOnes = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/orders").signedByIam(ADMIN)
                .query("status", "pending").query("from", from.toString()));

        assertThat(seen).containsExactlyElementsOf(paid);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(pendingOnes.json().path("items")).extracting(item -> item.path("merchant_uid").asText()).containsExactly(pending);
        assertThat(pendingOnes.json().path("items").get(0).path("status").asText()).isEqualTo("pending");
    }

    @Test
    void theOrderList_refusesABadStatus_aBadTime_anEmptyWindow_andACursorOfAnotherList() {
        HttpApiResponse noStatus = admin("GET", "/checkout/admin/orders");
        HttpApiResponse badStatus = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/orders").signedByIam(ADMIN)
                .query("status", "shipped"));
        HttpApiResponse badTime = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/orders").signedByIam(ADMIN)
                .query("status", "paid").query("from", "yesterday"));
        HttpApiResponse backwards = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/orders").signedByIam(ADMIN)
                .query("status", "paid").query("from", "2026-12-02").query("to", "2026-12-01"));
        CheckoutTestSupport.paidOrder(bed, ITEMS, "card");
        CheckoutTestSupport.paidOrder(bed, ITEMS, "card");
        String paidCursor = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/orders").signedByIam(ADMIN)
                .query("status", "paid").query("limit", "1")).json().path("next_cursor").asText();
        HttpApiResponse otherList = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/orders").signedByIam(ADMIN)
                .query("status", "refunded").query("cursor", paidCursor));

        for (HttpApiResponse refused : List.of(noStatus, badStatus, badTime, backwards)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("invalid_request");
        }
        assertThat(noStatus.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("status");
        assertThat(badTime.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("from");
        assertThat(backwards.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("to");
        assertThat(badStatus.body()).doesNotContain("shipped");
        assertThat(otherList.status()).isEqualTo(400);
        assertThat(otherList.errorCode()).isEqualTo("invalid_cursor");
    }

    /** A customer subscribed since 10 days, whose period 0 was charged by a rebill attempt (paid and confirmed). */
    private record Charged(String customerId, String subscriptionId, String merchantUid) {
    }

    private Charged chargedSubscription(String tag) {
        String customerId = "user-admin-it-" + tag;
        String subscriptionId = "sub_admin_it_" + tag;
        String customerUid = "cuid_admin_it_" + tag;
        String merchantUid = subscriptionId + "_p0_a1";
        bed.sandbox().completeWindow(WindowRequest.builder(Map.of("pg", "tosspayments", "pay_method", "card",
                "merchant_uid", "ord_key_admin_it_" + tag, "name", "Key", "amount", 0, "customer_uid", customerUid))
                .outcome(WindowOutcome.pay()).build());
        Instant now = Instant.now();
        Instant anchor = now.minus(Duration.ofDays(10));
        Subscription unpaid = Subscription.start(subscriptionId, customerId, customerUid, "monthly-coffee", "Monthly coffee", 29_000,
                BillingInterval.months(1), anchor, anchor);
        bed.bean(OrderStore.class).insert(Order.pending(merchantUid, OrderKind.SUBSCRIPTION_CHARGE, customerId, "Monthly coffee",
                29_000, Pg.TOSSPAYMENTS, "card", List.of(), customerUid, subscriptionId, anchor));
        ChargeOutcome charged = bed.bean(IamportGateway.class).chargeBillingKey(new BillingKeyCharge(customerUid, merchantUid,
                29_000, "Monthly coffee", null));
        bed.bean(ConfirmService.class).apply(((ChargeOutcome.Paid) charged).payment(), ConfirmSource.SERVER_CHARGE);
        ChargeAttempt attempt = ChargeAttempt.inFlight(unpaid, 1, merchantUid, anchor)
                .transitionTo(ChargeAttemptState.PAID, ((ChargeOutcome.Paid) charged).payment().impUid(), null, anchor);
        assertThat(bed.bean(ChargeAttemptStore.class).insert(attempt).applied()).isTrue();
        assertThat(bed.bean(SubscriptionStore.class).insert(unpaid.periodPaid(anchor)).applied()).isTrue();
        return new Charged(customerId, subscriptionId, merchantUid);
    }

    private String subscriptionPath(Charged s, String action) {
        return "/checkout/admin/customers/" + s.customerId() + "/subscriptions/" + s.subscriptionId() + "/" + action;
    }

    private Subscription stored(Charged s) {
        return bed.bean(SubscriptionStore.class).find(s.customerId(), s.subscriptionId()).orElseThrow();
    }

    @Test
    void pause_takesASubscriptionOutOfTheDueIndex_resume_putsItBackOnItsAnchorDates_eachAudited() {
        Charged s = chargedSubscription("pause");
        Instant nextBefore = stored(s).nextChargeAt();

        HttpApiResponse paused = admin("POST", subscriptionPath(s, "pause"));
        HttpApiResponse pausedAgain = admin("POST", subscriptionPath(s, "pause"));
        boolean dueWhilePaused = bed.bean(SubscriptionStore.class).findDue(nextBefore.plus(Duration.ofDays(400)), null, 100)
                .items().stream().anyMatch(due -> due.id().equals(s.subscriptionId()));
        HttpApiResponse resumed = admin("POST", subscriptionPath(s, "resume"));
        HttpApiResponse resumedAgain = admin("POST", subscriptionPath(s, "resume"));
        HttpApiResponse listed = admin("GET", "/checkout/admin/customers/" + s.customerId() + "/subscriptions");

        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.json().path("status").asText()).isEqualTo("paused");
        assertThat(paused.json().path("next_charge_at").isMissingNode()).isTrue();
        assertThat(pausedAgain.status()).isEqualTo(200);
        assertThat(dueWhilePaused).isFalse();
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("status").asText()).isEqualTo("active");
        assertThat(Instant.parse(resumed.json().path("next_charge_at").asText())).isEqualTo(nextBefore);
        assertThat(resumedAgain.status()).isEqualTo(409);
        assertThat(resumedAgain.errorCode()).isEqualTo("subscription_not_paused");
        assertThat(stored(s).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        JsonNode item = listed.json().path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo(s.subscriptionId());
        assertThat(item.path("periods_paid").asInt()).isEqualTo(1);
        assertThat(item.path("audit")).extracting(e -> e.path("action").asText() + " " + e.path("outcome").asText())
                .containsExactly("pause paused", "pause paused", "resume resumed: next charge " + nextBefore,
                        "resume failed: not_paused");
    }

    @Test
    void cancelNow_withAProratedRefund_endsIt_andRefundsTheUnusedShareOfThePeriodsCharge_once() {
        Charged s = chargedSubscription("prorated");
        Subscription before = stored(s);
        double unused = (double) Duration.between(Instant.now(), before.paidThrough()).toMillis()
                / Duration.between(before.paidPeriodStart(), before.paidThrough()).toMillis();

        HttpApiResponse cancelled = admin("POST", subscriptionPath(s, "cancel"), "{\"refund\":\"prorated\",\"reason\":\"해지 요청\"}");
        HttpApiResponse again = admin("POST", subscriptionPath(s, "cancel"), "{\"refund\":\"prorated\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("subscription").path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("refunded_order").asText()).isEqualTo(s.merchantUid());
        long refunded = cancelled.json().path("refund").path("refund").path("amount").asLong();
        assertThat(refunded).isBetween((long) (29_000 * unused) - 30, (long) (29_000 * unused));
        assertThat(cancelled.json().path("refund").path("order_status").asText()).isEqualTo("partially_refunded");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("subscription_cancelled");
        Order order = bed.bean(OrderStore.class).find(s.merchantUid()).orElseThrow();
        assertThat(order.refundedAmount()).isEqualTo(refunded);
        assertThat(bed.sandbox().payment(order.impUid()).orElseThrow().cancelAmount()).isEqualTo(refunded);
        assertThat(stored(s).status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(stored(s).nextChargeAt()).isNull();
        assertThat(cancelled.json().path("subscription").path("audit").get(0).path("outcome").asText())
                .startsWith("cancelled; " + s.merchantUid() + " refunded: " + refunded + " won");
        assertThat(bed.bean(AuditTrail.class).forOrder(s.merchantUid())).extracting(e -> e.action() + " " + e.principalArn())
                .containsExactly("refund " + ADMIN);
    }

    @Test
    void cancelNow_withAFullRefund_refundsThePeriodsWholeCharge_withoutRefund_none() {
        Charged full = chargedSubscription("full");
        Charged none = chargedSubscription("none");

        HttpApiResponse fully = admin("POST", subscriptionPath(full, "cancel"), "{\"refund\":\"full\"}");
        HttpApiResponse without = admin("POST", subscriptionPath(none, "cancel"), "{}");
        HttpApiResponse badChoice = admin("POST", subscriptionPath(none, "cancel"), "{\"refund\":\"half\"}");

        assertThat(fully.status()).isEqualTo(200);
        assertThat(fully.json().path("refund").path("order_status").asText()).isEqualTo("refunded");
        assertThat(bed.bean(OrderStore.class).find(full.merchantUid()).orElseThrow().status()).isEqualTo(OrderStatus.REFUNDED);
        assertThat(without.status()).isEqualTo(200);
        assertThat(without.json().path("refund").isMissingNode()).isTrue();
        assertThat(stored(none).status()).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(bed.bean(OrderStore.class).find(none.merchantUid()).orElseThrow().refundedAmount()).isZero();
        assertThat(badChoice.status()).isEqualTo(400);
    }

    @Test
    void aCustomerJwt_orAnUnlistedSigner_onEveryNewAdminRoute_is403_andChangesNothing() {
        Charged s = chargedSubscription("intruder");
        String order = CheckoutTestSupport.paidOrder(bed, ITEMS, "card");
        List<HttpApiEvent> routes = new ArrayList<>();
        for (String who : List.of("jwt", "intern")) {
            for (HttpApiEvent event : List.of(HttpApiEvent.request("GET", "/checkout/admin/orders/" + order),
                    HttpApiEvent.request("GET", "/checkout/admin/orders").query("status", "paid"),
                    HttpApiEvent.request("GET", "/checkout/admin/customers/" + s.customerId() + "/subscriptions"),
                    HttpApiEvent.request("POST", subscriptionPath(s, "pause")),
                    HttpApiEvent.request("POST", subscriptionPath(s, "resume")),
                    HttpApiEvent.request("POST", subscriptionPath(s, "cancel")).body("{\"refund\":\"full\"}"))) {
                routes.add("jwt".equals(who) ? event.signedInAs(s.customerId())
                        : event.signedByIam("arn:aws:iam::123456789012:user/intern"));
            }
        }

        for (HttpApiEvent route : routes) {
            HttpApiResponse response = bed.invoke(route);
            assertThat(response.status()).as(route.toString()).isEqualTo(403);
            assertThat(response.errorCode()).isEqualTo("forbidden");
        }
        assertThat(stored(s).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(bed.bean(OrderStore.class).find(s.merchantUid()).orElseThrow().refundedAmount()).isZero();
        assertThat(bed.bean(AuditTrail.class).forSubscriptionsOf(s.customerId())).isEmpty();
    }
}

package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint's answers, successes and errors, over real HTTP, held to the schema digest
 * ({@link ResponseConformance}): statuses the schema documents, the envelope, field names, JSON types and
 * required fields of each definition, cancel_history entries included.
 */
class SandboxResponseSchemaTest extends SandboxTestSupport {

    private final ResponseConformance conformance = new ResponseConformance();
    private final Map<Endpoint, Set<String>> seen = new EnumMap<>(Endpoint.class);

    @Test
    void token_successAndErrors() throws IOException {
        MerchantCredentials credentials = sandbox.credentials();
        check(Endpoint.GET_TOKEN, api.getToken(credentials.impKey(), credentials.impSecret()), 200);
        check(Endpoint.GET_TOKEN, api.getToken(credentials.impKey(), "wrong-secret"), 401);
        check(Endpoint.GET_TOKEN, api.postJson("/users/getToken", Map.of("imp_key", credentials.impKey()), null), 400);
    }

    @Test
    void paymentLookups_ofEveryKindOfPayment() throws IOException {
        String card = paidCardPayment("ord_card", 8900).impUid();
        Map<String, Object> custom = windowParams("tosspayments", "card", "ord_custom", 1000);
        custom.put("custom_data", Map.of("orderId", 42));
        String withCustomData = sandbox.completeWindow(WindowRequest.builder(custom).build()).impUid();
        String vbank = sandbox.completeWindow(WindowRequest.builder(windowParams("tosspayments", "vbank", "ord_vbank", 5000))
                .outcome(WindowOutcome.issueVbank()).build()).impUid();
        String trans = sandbox.completeWindow(WindowRequest.builder(windowParams("chai", "trans", "ord_trans", 3000))
                .device(WindowRequest.Device.MOBILE).build()).impUid();
        String failed = sandbox.completeWindow(WindowRequest.builder(windowParams("payco", "card", "ord_failed", 1000))
                .outcome(WindowOutcome.fail("잔액부족")).build()).impUid();
        String abandoned = sandbox.completeWindow(WindowRequest.builder(windowParams("kakaopay", "card", "ord_ready", 1000))
                .outcome(WindowOutcome.userCancel()).build()).impUid();
        String testChannel = sandbox.completeWindow(WindowRequest.builder(windowParams("kakaopay", "card", "ord_test", 1000))
                .testChannel(true).build()).impUid();
        sandbox.completeWindow(WindowRequest.builder(billingWindow("tosspayments", "cust_window", "ord_issue")).build());

        for (String impUid : new String[] {card, withCustomData, vbank, trans, failed, abandoned}) {
            check(Endpoint.GET_PAYMENT, api.get("/payments/" + impUid), 200);
        }
        check(Endpoint.GET_PAYMENT, api.get("/payments/" + testChannel + "?include_sandbox=true"), 200);
        check(Endpoint.GET_PAYMENT, api.get("/payments/" + testChannel), 404);
        check(Endpoint.GET_PAYMENT, api.get("/payments/imp_999999999999"), 404);
        check(Endpoint.GET_PAYMENT, api.getWithAuthorization("/payments/" + card, null), 401);

        check(Endpoint.FIND_PAYMENT, api.get("/payments/find/ord_card"), 200);
        check(Endpoint.FIND_PAYMENT, api.get("/payments/find/ord_issue"), 200);
        check(Endpoint.FIND_PAYMENT, api.get("/payments/find/ord_failed/failed?sorting=-updated"), 200);
        check(Endpoint.FIND_PAYMENT, api.get("/payments/find/ord_card/cancelled"), 404);
        check(Endpoint.FIND_PAYMENT, api.get("/payments/find/ord_unknown"), 404);
        check(Endpoint.FIND_PAYMENT, api.get("/payments/find/ord_card/refunded"), 400);
        check(Endpoint.FIND_PAYMENT, api.getWithAuthorization("/payments/find/ord_card", "Bearer nope"), 401);
    }

    @Test
    void prepare_registrationLookupAndErrors() throws IOException {
        check(Endpoint.PREPARE, api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 8900,
                "currency", "KRW")), 200);
        check(Endpoint.PREPARE, api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_2", "amount", 100)), 200);
        check(Endpoint.PREPARE, api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 100)), 200);
        check(Endpoint.PREPARE, api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_3")), 400);
        check(Endpoint.PREPARE, api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_3", "amount", 1), "nope"), 401);

        check(Endpoint.GET_PREPARE, api.get("/payments/prepare/ord_1"), 200);
        check(Endpoint.GET_PREPARE, api.get("/payments/prepare/ord_2"), 200);
        check(Endpoint.GET_PREPARE, api.get("/payments/prepare/ord_unknown"), 200);
        check(Endpoint.GET_PREPARE, api.getWithAuthorization("/payments/prepare/ord_1", null), 401);
    }

    @Test
    void cancel_partialFullAndRefused() throws IOException {
        String impUid = paidCardPayment("ord_1", 10000).impUid();

        check(Endpoint.CANCEL, api.postJson("/payments/cancel", Map.of("imp_uid", impUid, "amount", 3000, "checksum", 10000,
                "reason", "부분 환불")), 200);
        check(Endpoint.CANCEL, api.postJson("/payments/cancel", Map.of("merchant_uid", "ord_1", "reason", "전액 환불")), 200);
        check(Endpoint.CANCEL, api.postJson("/payments/cancel", Map.of("imp_uid", impUid)), 200);
        check(Endpoint.CANCEL, api.postJson("/payments/cancel", Map.of("imp_uid", "imp_999999999999")), 200);
        check(Endpoint.CANCEL, api.postJson("/payments/cancel", Map.of("reason", "no id")), 400);
        check(Endpoint.CANCEL, api.postJson("/payments/cancel", Map.of("imp_uid", impUid), null), 401);
    }

    @Test
    void again_paidDeclinedAndRefused() throws IOException {
        issueTossKey("cust_1");
        check(Endpoint.AGAIN, api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900)), 200);
        check(Endpoint.AGAIN, api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900)), 200);
        sandbox.setCardBehaviour("cust_1", CardBehaviour.declineAsFailedStatus("한도초과"));
        check(Endpoint.AGAIN, api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_2", 8900)), 200);
        sandbox.setCardBehaviour("cust_1", CardBehaviour.declineAsCodeMinusOne("[2116]개인 월 한도금액 초과"));
        check(Endpoint.AGAIN, api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_3", 8900)), 200);
        check(Endpoint.AGAIN, api.postJson("/subscribe/payments/again", againBody("cust_unknown", "sub_4", 8900)), 200);
        Map<String, Object> noName = againBody("cust_1", "sub_5", 8900);
        noName.remove("name");
        check(Endpoint.AGAIN, api.postJson("/subscribe/payments/again", noName), 400);
        check(Endpoint.AGAIN, api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_6", 8900), null), 401);
    }

    @Test
    void onetime_paidSavedDeclinedAndRefused() throws IOException {
        check(Endpoint.ONETIME, api.postJson("/subscribe/payments/onetime", onetimeBody("ord_1")), 200);
        Map<String, Object> saving = onetimeBody("ord_2");
        saving.put("customer_uid", "cust_1");
        check(Endpoint.ONETIME, api.postJson("/subscribe/payments/onetime", saving), 200);
        Map<String, Object> otherPg = onetimeBody("ord_3");
        otherPg.put("pg", "kakaopay");
        check(Endpoint.ONETIME, api.postJson("/subscribe/payments/onetime", otherPg), 200);
        sandbox.setCardNumberBehaviour(TEST_CARD, CardBehaviour.authenticationFailure());
        check(Endpoint.ONETIME, api.postJson("/subscribe/payments/onetime", onetimeBody("ord_4")), 200);
        Map<String, Object> noCard = onetimeBody("ord_5");
        noCard.remove("card_number");
        check(Endpoint.ONETIME, api.postJson("/subscribe/payments/onetime", noCard), 400);
        check(Endpoint.ONETIME, api.postJson("/subscribe/payments/onetime", onetimeBody("ord_6"), null), 401);
    }

    @Test
    void billingKeys_issueLookupDeleteAndErrors() throws IOException {
        check(Endpoint.ISSUE_BILLING_KEY, api.postJson("/subscribe/customers/cust_1", issueBody("channel-key-tosspayments-api")), 200);
        sandbox.clock().advance(Duration.ofSeconds(5));
        check(Endpoint.ISSUE_BILLING_KEY, api.postJson("/subscribe/customers/cust_1", issueBody("channel-key-tosspayments-api")), 200);
        check(Endpoint.ISSUE_BILLING_KEY, api.postJson("/subscribe/customers/cust_2", issueBody("channel-key-kakaopay")), 200);
        check(Endpoint.ISSUE_BILLING_KEY, api.postJson("/subscribe/customers/cust_2", issueBody("channel-key-unknown")), 200);
        Map<String, Object> noChannel = issueBody("channel-key-tosspayments-api");
        noChannel.remove("channel_key");
        check(Endpoint.ISSUE_BILLING_KEY, api.postJson("/subscribe/customers/cust_3", noChannel), 400);
        check(Endpoint.ISSUE_BILLING_KEY, api.postJson("/subscribe/customers/cust_3", issueBody("channel-key-tosspayments-api"),
                null), 401);
        sandbox.completeWindow(WindowRequest.builder(billingWindow("kakaopay", "cust_window", "ord_issue")).build());

        check(Endpoint.GET_BILLING_KEY, api.get("/subscribe/customers/cust_1"), 200);
        check(Endpoint.GET_BILLING_KEY, api.get("/subscribe/customers/cust_window"), 200);
        check(Endpoint.GET_BILLING_KEY, api.get("/subscribe/customers/cust_unknown"), 404);
        check(Endpoint.GET_BILLING_KEY, api.getWithAuthorization("/subscribe/customers/cust_1", null), 401);
        check(Endpoint.DELETE_BILLING_KEY, api.delete("/subscribe/customers/cust_1?reason=member%20left"), 200);
        check(Endpoint.DELETE_BILLING_KEY, api.delete("/subscribe/customers/cust_1"), 404);
    }

    /** Together, the tests above reach every endpoint with a success and an error. */
    @Test
    void everyEndpointIsCovered() throws IOException {
        token_successAndErrors();
        paymentLookups_ofEveryKindOfPayment();
        sandbox.reset();
        prepare_registrationLookupAndErrors();
        sandbox.reset();
        cancel_partialFullAndRefused();
        sandbox.reset();
        again_paidDeclinedAndRefused();
        sandbox.reset();
        onetime_paidSavedDeclinedAndRefused();
        sandbox.reset();
        billingKeys_issueLookupDeleteAndErrors();

        assertThat(seen.keySet()).isEqualTo(EnumSet.allOf(Endpoint.class));
        seen.forEach((endpoint, kinds) -> assertThat(kinds).as(endpoint.name()).contains("success", "error"));
    }

    private void check(Endpoint endpoint, SandboxApiClient.Reply reply, int expectedStatus) {
        assertThat(reply.status()).as("%s HTTP status (%s)", endpoint, reply.text()).isEqualTo(expectedStatus);
        assertThat(conformance.violations(endpoint, reply.status(), reply.body())).as("%s: %s", endpoint, reply.text()).isEmpty();
        boolean success = reply.status() == 200 && reply.code() == 0;
        seen.computeIfAbsent(endpoint, e -> new HashSet<>()).add(success ? "success" : "error");
    }

    static Map<String, Object> billingWindow(String pg, String customerUid, String merchantUid) {
        Map<String, Object> params = windowParams(pg, "card", merchantUid, 0);
        params.put("customer_uid", customerUid);
        params.put("customer_id", "member-42");
        return params;
    }

    static Map<String, Object> onetimeBody(String merchantUid) {
        var body = new LinkedHashMap<String, Object>();
        body.put("merchant_uid", merchantUid);
        body.put("amount", 8900);
        body.put("card_number", TEST_CARD);
        body.put("expiry", "2030-12");
        body.put("birth", "900101");
        body.put("pwd_2digit", "12");
        body.put("name", "First month");
        return body;
    }

    static Map<String, Object> issueBody(String channelKey) {
        var body = new LinkedHashMap<String, Object>();
        body.put("channel_key", channelKey);
        body.put("card_number", TEST_CARD);
        body.put("expiry", "2030-12");
        body.put("birth", "900101");
        body.put("pwd_2digit", "12");
        body.put("customer_id", "member-42");
        body.put("customer_name", "홍길동");
        return body;
    }
}

package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestJournalTest extends SandboxTestSupport {

    @Test
    void requests_cardIssuance_recordsMaskedCardNumberAndRedactsCardSecrets() throws IOException {
        issueTossKey("cust_1");

        RecordedRequest issuance = sandbox.requests().stream()
                .filter(request -> request.endpoint() == Endpoint.ISSUE_BILLING_KEY).findFirst().orElseThrow();

        assertThat(issuance.method()).isEqualTo("POST");
        assertThat(issuance.path()).isEqualTo("/subscribe/customers/cust_1");
        assertThat(issuance.status()).isEqualTo(200);
        assertThat(issuance.code()).isZero();
        assertThat(issuance.params()).containsEntry("card_number", "536181******4021")
                .containsEntry("expiry", "[redacted]").containsEntry("birth", "[redacted]")
                .containsEntry("pwd_2digit", "[redacted]").containsEntry("customer_id", "member-42");
        assertThat(sandbox.requests().toString()).doesNotContain("5361-8100-0000-4021", "2030-12");
    }

    @Test
    void requests_getToken_redactsSecret() throws IOException {
        api.token();

        RecordedRequest tokenCall = sandbox.requests().get(0);

        assertThat(tokenCall.endpoint()).isEqualTo(Endpoint.GET_TOKEN);
        assertThat(tokenCall.params()).containsEntry("imp_key", sandbox.credentials().impKey())
                .containsEntry("imp_secret", "[redacted]");
    }

    @Test
    void count_countsEveryCallThatReachedTheEndpointIncludingRefusals() throws IOException {
        api.get("/payments/imp_000000000001");
        api.getWithAuthorization("/payments/imp_000000000002", null);
        api.get("/payments/find/ord_1");

        assertThat(sandbox.count(Endpoint.GET_PAYMENT)).isEqualTo(2);
        assertThat(sandbox.count(Endpoint.FIND_PAYMENT)).isEqualTo(1);
        assertThat(sandbox.requests()).filteredOn(request -> request.endpoint() == Endpoint.GET_PAYMENT)
                .extracting(RecordedRequest::status).containsExactly(404, 401);
    }

    @Test
    void reset_forgetsStateButKeepsServerCredentialsAndTokens() throws IOException {
        String token = api.token();
        paidCardPayment("ord_1", 8900);
        api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_2", "amount", 100));

        sandbox.reset();

        assertThat(sandbox.paymentsByMerchantUid("ord_1")).isEmpty();
        assertThat(sandbox.preparedAmount("ord_2")).isEmpty();
        assertThat(sandbox.requests()).isEmpty();
        assertThat(api.getWithAuthorization("/payments/find/ord_1", "Bearer " + token).status()).isEqualTo(404);
    }
}

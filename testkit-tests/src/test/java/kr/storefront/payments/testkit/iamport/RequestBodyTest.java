package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodyTest extends SandboxTestSupport {

    @Test
    void getToken_formBody_isAccepted() throws Exception {
        MerchantCredentials credentials = sandbox.credentials();
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/users/getToken"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(SandboxApiClient.form(Map.of(
                                "imp_key", credentials.impKey(), "imp_secret", credentials.impSecret()))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SandboxApiClient.json(response.body()).get("response").get("access_token").asText()).isNotBlank();
    }

    @Test
    void prepare_jsonBody_registersAmount() throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_json", "amount", 8900));

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("amount").asLong()).isEqualTo(8900);
        assertThat(sandbox.preparedAmount("ord_json")).contains(8900L);
    }

    @Test
    void prepare_formBody_registersAmount() throws IOException {
        SandboxApiClient.Reply reply = api.postForm("/payments/prepare", Map.of("merchant_uid", "ord_form", "amount", "8900"));

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("amount").isNumber()).isTrue();
        assertThat(sandbox.preparedAmount("ord_form")).contains(8900L);
    }

    @Test
    void again_formBody_chargesKey() throws IOException {
        issueTossKey("cust_form");

        SandboxApiClient.Reply reply = api.postForm("/subscribe/payments/again", Map.of(
                "customer_uid", "cust_form", "merchant_uid", "sub_form", "amount", "8900", "name", "Monthly plan"));

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("status").asText()).isEqualTo("paid");
    }

    @Test
    void prepare_missingAmount_gets400Envelope() throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).contains("amount");
    }

    @Test
    void prepare_malformedJson_gets400Envelope() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/payments/prepare"))
                        .header("Authorization", "Bearer " + api.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"merchant_uid\": "))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SandboxApiClient.json(response.body()).get("code").asInt()).isEqualTo(-1);
    }

    @Test
    void unknownPath_gets404Envelope() throws IOException {
        SandboxApiClient.Reply reply = api.get("/payments/imp_1/unknown");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(-1);
    }
}

package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest extends SandboxTestSupport {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    SandboxOptions.Builder options() {
        return SandboxOptions.builder().clock(SandboxClock.fixed(START));
    }

    @Test
    void getToken_validCredentials_returnsTokenValidForThirtyMinutesOnSandboxClock() throws IOException {
        SandboxApiClient.Reply reply = requestToken();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("now").asLong()).isEqualTo(START.getEpochSecond());
        assertThat(reply.response().get("expired_at").asLong()).isEqualTo(START.getEpochSecond() + 1800);
        assertThat(reply.response().get("access_token").asText()).isNotBlank();
    }

    @Test
    void getToken_beforeExpiry_returnsSameTokenAndExpiry() throws IOException {
        JsonNode first = requestToken().response();
        sandbox.clock().advance(Duration.ofMinutes(10));

        JsonNode second = requestToken().response();

        assertThat(second.get("access_token")).isEqualTo(first.get("access_token"));
        assertThat(second.get("expired_at")).isEqualTo(first.get("expired_at"));
        assertThat(second.get("now").asLong()).isEqualTo(START.getEpochSecond() + 600);
    }

    @Test
    void getToken_inLastMinute_extendsSameTokenByFiveMinutes() throws IOException {
        JsonNode first = requestToken().response();
        sandbox.clock().advance(Duration.ofMinutes(29).plusSeconds(30));

        JsonNode second = requestToken().response();

        assertThat(second.get("access_token")).isEqualTo(first.get("access_token"));
        assertThat(second.get("expired_at").asLong()).isEqualTo(first.get("expired_at").asLong() + 300);
    }

    @Test
    void apiCall_afterTokenExpired_gets401AndGetTokenIssuesNewToken() throws IOException {
        String token = requestToken().response().get("access_token").asText();
        sandbox.clock().advance(Duration.ofMinutes(30));

        SandboxApiClient.Reply rejected = api.getWithAuthorization("/payments/imp_000000000000", "Bearer " + token);
        String renewed = requestToken().response().get("access_token").asText();

        assertThat(rejected.status()).isEqualTo(401);
        assertThat(rejected.code()).isEqualTo(-1);
        assertThat(rejected.response().isNull()).isTrue();
        assertThat(renewed).isNotEqualTo(token);
    }

    @Test
    void getToken_wrongSecret_gets401() throws IOException {
        SandboxApiClient.Reply reply = api.getToken(sandbox.credentials().impKey(), "wrong-secret");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.response().isNull()).isTrue();
    }

    @Test
    void apiCall_afterExpireTokens_gets401() throws IOException {
        String token = api.token();

        sandbox.expireTokens();

        assertThat(api.getWithAuthorization("/payments/imp_000000000000", "Bearer " + token).status()).isEqualTo(401);
    }

    @Test
    void apiCall_withoutAuthorization_gets401() throws IOException {
        assertThat(api.getWithAuthorization("/payments/imp_000000000000", null).status()).isEqualTo(401);
    }

    @Test
    void apiCall_withBareToken_isAccepted() throws IOException {
        SandboxApiClient.Reply reply = api.getWithAuthorization("/payments/imp_000000000000", api.token());

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void rotateCredentials_oldPairGets401AndNewPairGetsToken() throws IOException {
        MerchantCredentials old = sandbox.credentials();

        sandbox.rotateCredentials("rotated-key", "rotated-secret");

        assertThat(api.getToken(old.impKey(), old.impSecret()).status()).isEqualTo(401);
        assertThat(api.getToken("rotated-key", "rotated-secret").code()).isZero();
        assertThat(sandbox.credentials().impCode()).isEqualTo(old.impCode());
    }

    private SandboxApiClient.Reply requestToken() throws IOException {
        return api.getToken(sandbox.credentials().impKey(), sandbox.credentials().impSecret());
    }
}

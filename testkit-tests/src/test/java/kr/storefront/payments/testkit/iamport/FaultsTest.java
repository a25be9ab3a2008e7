package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsTest extends SandboxTestSupport {

    @Test
    void latency_delaysEveryCallToTheEndpoint() throws IOException {
        sandbox.faults().latency(Endpoint.GET_PREPARE, Duration.ofMillis(300));
        String token = api.token();

        long started = System.nanoTime();
        api.getWithAuthorization("/payments/prepare/ord_1", "Bearer " + token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void failNext_503_answersPlainTextWithoutApplyingThenRecovers() throws IOException {
        issueTossKey("cust_1");
        sandbox.faults().failNext(Endpoint.AGAIN, 1, 503);

        SandboxApiClient.Reply failed = api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.body()).isNull();
        assertThat(failed.text()).startsWith("503 Service Unavailable");
        assertThat(sandbox.paymentsByMerchantUid("sub_1")).isEmpty();
        assertThat(api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900)).code()).isZero();
        assertThat(sandbox.count(Endpoint.AGAIN)).isEqualTo(2);
    }

    @Test
    void failNext_500_answersEnvelope() throws IOException {
        sandbox.faults().failNext(Endpoint.GET_TOKEN, 2, 500);

        SandboxApiClient.Reply reply = api.getToken(sandbox.credentials().impKey(), sandbox.credentials().impSecret());

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.code()).isEqualTo(-1);
    }

    @Test
    void timeoutAfterApply_clientTimesOutButTheChargeWasApplied() throws IOException {
        issueTossKey("cust_1");
        sandbox.faults().timeoutAfterApply(Endpoint.AGAIN, 1, Duration.ofSeconds(2));
        var impatient = new SandboxApiClient(sandbox, Duration.ofMillis(300));
        String token = api.token();

        assertThatThrownBy(() -> impatient.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900), token))
                .isInstanceOf(HttpTimeoutException.class);

        SandboxApiClient.Reply found = api.get("/payments/find/sub_1/paid");
        assertThat(found.code()).isZero();
        assertThat(found.response().get("amount").asLong()).isEqualTo(8900);
        assertThat(sandbox.count(Endpoint.AGAIN)).isEqualTo(1);
    }

    @Test
    void dropAfterApply_closesConnectionButTheChargeWasApplied() throws IOException {
        issueTossKey("cust_1");
        sandbox.faults().dropAfterApply(Endpoint.AGAIN, 1);
        String token = api.token();

        assertThatThrownBy(() -> api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900), token))
                .isInstanceOf(IOException.class);

        assertThat(sandbox.paymentsByMerchantUid("sub_1")).singleElement()
                .extracting(Payment::status).isEqualTo(Payment.Status.PAID);
        assertThat(sandbox.requests()).filteredOn(request -> request.endpoint() == Endpoint.AGAIN)
                .singleElement().extracting(RecordedRequest::responseDropped).isEqualTo(true);
    }

    @Test
    void clear_disarmsPendingFaults() throws IOException {
        sandbox.faults().failNext(Endpoint.PREPARE, 3, 502);

        sandbox.faults().clear();

        assertThat(api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 100)).code()).isZero();
    }
}

package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrepareTest extends SandboxTestSupport {

    @Test
    void getPrepare_afterPrepare_returnsRegisteredAmount() throws IOException {
        api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 8900, "currency", "KRW"));

        SandboxApiClient.Reply reply = api.get("/payments/prepare/ord_1");

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("merchant_uid").asText()).isEqualTo("ord_1");
        assertThat(reply.response().get("amount").asLong()).isEqualTo(8900);
        assertThat(reply.response().get("currency").asText()).isEqualTo("KRW");
    }

    @Test
    void prepare_sameMerchantUidTwice_secondGetsCode1AndKeepsFirstAmount() throws IOException {
        api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 8900));

        SandboxApiClient.Reply second = api.postJson("/payments/prepare", Map.of("merchant_uid", "ord_1", "amount", 100));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.code()).isEqualTo(1);
        assertThat(second.message()).isEqualTo("이미 사전등록된 결제정보가 있습니다.");
        assertThat(sandbox.preparedAmount("ord_1")).contains(8900L);
    }

    /** The schema documents no 404 for this lookup: nothing registered is a refusal on HTTP 200. */
    @Test
    void getPrepare_unknownMerchantUid_gets200WithCode1AndNoResponse() throws IOException {
        SandboxApiClient.Reply reply = api.get("/payments/prepare/ord_unknown");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(1);
        assertThat(reply.message()).isEqualTo(PaymentsApi.PREPARE_NOT_FOUND);
        assertThat(reply.response().isNull()).isTrue();
    }
}

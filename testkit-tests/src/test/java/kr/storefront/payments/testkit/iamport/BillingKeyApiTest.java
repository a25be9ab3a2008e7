package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BillingKeyApiTest extends SandboxTestSupport {

    @Test
    void issue_tossApiChannel_returnsCustomerObjectWithMaskedCard() throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/subscribe/customers/cust_1", issueBody(Channel.TOSS_API_KEY));

        JsonNode customer = reply.response();
        assertThat(reply.code()).isZero();
        assertThat(customer.get("customer_uid").asText()).isEqualTo("cust_1");
        assertThat(customer.get("pg_provider").asText()).isEqualTo("tosspayments");
        assertThat(customer.get("pg_id").asText()).isEqualTo("tosspayments_api14");
        assertThat(customer.get("card_number").asText()).isEqualTo("536181******4021");
        assertThat(customer.get("customer_id").asText()).isEqualTo("member-42");
        assertThat(customer.get("customer_name").asText()).isEqualTo("홍길동");
        assertThat(customer.get("inserted").asLong()).isPositive();
        assertThat(customer.get("sandbox").asBoolean()).isFalse();
        assertThat(customer.toString()).doesNotContain("5361810000004021", "2030-12", "900101");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kakaopay", "payco", "chai", "uplus"})
    void issue_channelOfPgWithoutApiMode_answersCodeMinusOne(String pg) throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/subscribe/customers/cust_1", issueBody("channel-key-" + pg));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).contains(pg);
        assertThat(sandbox.billingKey("cust_1")).isEmpty();
    }

    @Test
    void issue_unknownChannelKey_answersCodeMinusOneAndIssuesNothing() throws IOException {
        SandboxApiClient.Reply reply = api.postJson("/subscribe/customers/cust_1", issueBody("channel-key-nobody"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).isEqualTo(ChannelRegistry.UNKNOWN_CHANNEL);
        assertThat(sandbox.billingKey("cust_1")).isEmpty();
    }

    @Test
    void issue_withoutChannelKey_gets400EvenWithPg() throws IOException {
        Map<String, Object> body = issueBody(Channel.TOSS_API_KEY);
        body.remove("channel_key");
        body.put("pg", "tosspayments");

        SandboxApiClient.Reply reply = api.postJson("/subscribe/customers/cust_1", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).contains("channel_key");
        assertThat(sandbox.billingKey("cust_1")).isEmpty();
    }

    @Test
    void issue_channelKeyWinsOverPg() throws IOException {
        Map<String, Object> body = issueBody(Channel.TOSS_API_KEY);
        body.put("pg", "kakaopay");

        SandboxApiClient.Reply reply = api.postJson("/subscribe/customers/cust_1", body);

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("pg_provider").asText()).isEqualTo("tosspayments");
    }

    @Test
    void issue_channelConfiguredOnTheSandbox_givesItsMid() throws IOException {
        try (IamportSandbox own = IamportSandbox.start(SandboxOptions.builder()
                .addChannel(new Channel("channel-key-toss-mine", "tosspayments", "tosstest_mid")).build())) {
            JsonNode customer = new SandboxApiClient(own).postJson("/subscribe/customers/cust_1",
                    issueBody("channel-key-toss-mine")).response();

            assertThat(customer.get("pg_id").asText()).isEqualTo("tosstest_mid");
        }
    }

    @Test
    void defaultChannels_oneWindowChannelPerPgAndTossApiMode() {
        assertThat(sandbox.channels()).extracting(Channel::key).containsExactlyInAnyOrder("channel-key-payco",
                "channel-key-chai", "channel-key-kakaopay", "channel-key-tosspayments", "channel-key-uplus",
                Channel.TOSS_API_KEY);
        assertThat(sandbox.channels()).contains(new Channel("channel-key-kakaopay", "kakaopay", "TC0ONETIME"),
                new Channel(Channel.TOSS_API_KEY, "tosspayments", "tosspayments_api14"));
    }

    @Test
    void issue_cardFailingAuthentication_answersCodeMinusOne() throws IOException {
        sandbox.setCardNumberBehaviour(TEST_CARD, CardBehaviour.authenticationFailure());

        SandboxApiClient.Reply reply = api.postJson("/subscribe/customers/cust_1", issueBody(Channel.TOSS_API_KEY));

        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).isEqualTo("카드정보 인증에 실패하였습니다.");
    }

    @Test
    void issue_existingCustomerUid_replacesCardAndKeepsInserted() throws IOException {
        long inserted = api.postJson("/subscribe/customers/cust_1", issueBody(Channel.TOSS_API_KEY)).response().get("inserted").asLong();
        sandbox.clock().advance(Duration.ofDays(1));
        Map<String, Object> newCard = issueBody(Channel.TOSS_API_KEY);
        newCard.put("card_number", "4111-1111-1111-1111");

        JsonNode customer = api.postJson("/subscribe/customers/cust_1", newCard).response();

        assertThat(customer.get("card_number").asText()).isEqualTo("411111******1111");
        assertThat(customer.get("inserted").asLong()).isEqualTo(inserted);
        assertThat(customer.get("updated").asLong()).isGreaterThan(inserted);
    }

    @Test
    void get_issuedKey_returnsCustomerObject() throws IOException {
        issueTossKey("cust_1");

        SandboxApiClient.Reply reply = api.get("/subscribe/customers/cust_1");

        assertThat(reply.code()).isZero();
        assertThat(reply.response().get("customer_uid").asText()).isEqualTo("cust_1");
    }

    @Test
    void get_unknownCustomerUid_gets404() throws IOException {
        SandboxApiClient.Reply reply = api.get("/subscribe/customers/cust_unknown");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(-1);
        assertThat(reply.message()).contains("cust_unknown");
    }

    @Test
    void delete_issuedKey_returnsItThenKeyIsGoneAndCannotBeCharged() throws IOException {
        issueTossKey("cust_1");

        SandboxApiClient.Reply deleted = api.delete("/subscribe/customers/cust_1?reason=member%20left");

        assertThat(deleted.code()).isZero();
        assertThat(deleted.response().get("customer_uid").asText()).isEqualTo("cust_1");
        assertThat(api.get("/subscribe/customers/cust_1").status()).isEqualTo(404);
        assertThat(api.delete("/subscribe/customers/cust_1").status()).isEqualTo(404);
        assertThat(api.postJson("/subscribe/payments/again", againBody("cust_1", "sub_1", 8900)).code()).isEqualTo(-1);
    }

    private static Map<String, Object> issueBody(String channelKey) {
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

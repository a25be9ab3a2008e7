package kr.storefront.payments.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import kr.storefront.payments.core.testing.InMemorySecretSource;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.core.testing.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IamportCredentialsProviderTest {

    private static final String SECRET_ID = "arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:iamport";

    private ApplicationContext context;
    private InMemorySecretSource secrets;
    private MutableClock clock;
    private IamportCredentialsProvider provider;

    @BeforeEach
    void setUp() {
        context = ApplicationContext.builder()
                .environments(MutableClock.ENVIRONMENT, InMemorySecretSource.ENVIRONMENT)
                .properties(Map.of("iamport.secret-id", SECRET_ID, "iamport.secret-cache-ttl", "5m"))
                .start();
        secrets = context.getBean(InMemorySecretSource.class);
        clock = context.getBean(MutableClock.class);
        secrets.put(SECRET_ID, Secrets.iamportSecret("key-1", "secret-1", "imp12345678"));
        provider = context.getBean(IamportCredentialsProvider.class);
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    @Test
    void construction_readsNothing() {
        assertThat(secrets.reads()).isZero();
    }

    @Test
    void current_parsesTheSecretDocument() {
        IamportCredentials credentials = provider.current();

        assertThat(credentials.impKey()).isEqualTo("key-1");
        assertThat(credentials.impSecret()).isEqualTo("secret-1");
        assertThat(credentials.impCode()).isEqualTo("imp12345678");
    }

    @Test
    void current_withinTtl_readsTheSecretOnce() {
        provider.current();
        clock.advance(Duration.ofMinutes(4));
        provider.current();

        assertThat(secrets.reads()).isEqualTo(1);
    }

    @Test
    void current_afterTtl_readsTheSecretAgain() {
        provider.current();
        secrets.put(SECRET_ID, Secrets.iamportSecret("key-2", "secret-2", "imp12345678"));
        clock.advance(Duration.ofMinutes(5));

        assertThat(provider.current().impKey()).isEqualTo("key-2");
        assertThat(secrets.reads()).isEqualTo(2);
    }

    @Test
    void invalidate_forcesARereadBeforeTheTtl() {
        provider.current();
        secrets.put(SECRET_ID, Secrets.iamportSecret("rotated", "rotated-secret", "imp12345678"));

        provider.invalidate();

        assertThat(provider.current().impKey()).isEqualTo("rotated");
        assertThat(secrets.reads()).isEqualTo(2);
    }

    @Test
    void current_secretNotJson_failsWithoutQuotingTheValue() {
        secrets.put(SECRET_ID, "imp_secret=do-not-print-me");

        assertThatThrownBy(provider::current).isInstanceOf(InvalidSecretException.class)
                .hasMessageContaining("not a JSON object").hasMessageNotContaining("do-not-print-me");
    }

    @Test
    void current_secretWithoutImpSecret_namesTheMissingField() {
        secrets.put(SECRET_ID, "{\"imp_key\":\"k\",\"imp_code\":\"imp12345678\"}");

        assertThatThrownBy(provider::current).isInstanceOf(InvalidSecretException.class).hasMessageContaining("imp_secret");
    }

    @Test
    void current_badMerchantCode_isRejected() {
        secrets.put(SECRET_ID, Secrets.iamportSecret("k", "s", "12345678"));

        assertThatThrownBy(provider::current).isInstanceOf(InvalidSecretException.class).hasMessageContaining("imp_code");
    }

    @Test
    void credentials_toString_neverShowsKeyOrSecret() {
        assertThat(provider.current().toString()).doesNotContain("key-1").doesNotContain("secret-1").contains("imp12345678");
    }

    @Test
    void current_readsWindowAndApiModeChannels_perPg() {
        secrets.put(SECRET_ID, Secrets.iamportSecret("key-1", "secret-1", "imp12345678",
                "\"pg_mids\":{\"tosspayments\":\"tosswin01\"},\"api_mids\":{\"tosspayments\":\"tossapi14\"},"
                        + "\"channel_keys\":{\"kakaopay\":\"channel-key-kakao\"},"
                        + "\"api_channel_keys\":{\"tosspayments\":\"channel-key-toss-api\"}"));

        IamportCredentials credentials = provider.current();

        assertThat(credentials.pgMid("tosspayments")).contains("tosswin01");
        assertThat(credentials.apiMid("tosspayments")).contains("tossapi14");
        assertThat(credentials.channelKey("kakaopay")).contains("channel-key-kakao");
        assertThat(credentials.channelKey("tosspayments")).isEmpty();
        assertThat(credentials.apiChannelKey("tosspayments")).contains("channel-key-toss-api");
        assertThat(credentials.toString()).doesNotContain("tossapi14").doesNotContain("channel-key");
    }

    @Test
    void apiMid_defaultsToTheWindowMid() {
        secrets.put(SECRET_ID, Secrets.iamportSecret("key-1", "secret-1", "imp12345678", "\"pg_mids\":{\"tosspayments\":\"tosswin01\"}"));

        assertThat(provider.current().apiMid("tosspayments")).contains("tosswin01");
    }

    @Test
    void current_refusesSettingsForUnknownPgs_orBlankValues_withoutQuotingThem() {
        secrets.put(SECRET_ID, Secrets.iamportSecret("key-1", "secret-1", "imp12345678", "\"channel_keys\":{\"inicis\":\"ck\"}"));
        assertThatThrownBy(provider::current).isInstanceOf(InvalidSecretException.class)
                .hasMessageContaining("channel_keys may only name the PGs");
        provider.invalidate();
        secrets.put(SECRET_ID, Secrets.iamportSecret("key-1", "secret-1", "imp12345678",
                "\"api_mids\":{\"tosspayments\":\"has space\"}"));
        assertThatThrownBy(provider::current).isInstanceOf(InvalidSecretException.class)
                .hasMessageContaining("api_mids.tosspayments must be").hasMessageNotContaining("has space");
    }
}

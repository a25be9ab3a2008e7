package kr.storefront.payments.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import kr.storefront.payments.core.secrets.IamportCredentials;
import org.junit.jupiter.api.Test;

class InMemorySecretSourceTest {

    @Test
    void credentialsProvider_readsTheDocumentGiven() {
        IamportCredentials credentials = InMemorySecretSource.credentialsProvider(
                Secrets.iamportSecret("key-1", "secret-1", "imp12345678", "\"api_mids\":{\"tosspayments\":\"tossapi14\"}"),
                new MutableClock()).current();

        assertThat(credentials.impKey()).isEqualTo("key-1");
        assertThat(credentials.impCode()).isEqualTo("imp12345678");
        assertThat(credentials.apiMids()).containsEntry("tosspayments", "tossapi14");
    }
}

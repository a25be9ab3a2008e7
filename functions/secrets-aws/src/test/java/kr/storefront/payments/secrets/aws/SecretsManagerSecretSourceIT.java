package kr.storefront.payments.secrets.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import kr.storefront.payments.core.secrets.IamportCredentials;
import kr.storefront.payments.core.secrets.IamportCredentialsProvider;
import kr.storefront.payments.core.secrets.SecretSource;
import kr.storefront.payments.core.secrets.SecretUnavailableException;
import kr.storefront.payments.core.testing.Secrets;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real Secrets Manager adapter, wired by Micronaut, against the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class SecretsManagerSecretSourceIT {

    @Test
    void credentialsProvider_readsTheSecretFromSecretsManager(AwsEmulator emulator) {
        String arn = emulator.createSecret("iamport", Secrets.iamportSecret("emu-key", "emu-secret", "imp87654321"));

        try (ApplicationContext context = ApplicationContext.run(properties(emulator, arn))) {
            IamportCredentials credentials = context.getBean(IamportCredentialsProvider.class).current();

            assertThat(credentials.impKey()).isEqualTo("emu-key");
            assertThat(credentials.impCode()).isEqualTo("imp87654321");
        }
    }

    @Test
    void credentialsProvider_afterRotationAndInvalidate_readsTheNewValue(AwsEmulator emulator) {
        String arn = emulator.createSecret("iamport", Secrets.iamportSecret("old-key", "old-secret", "imp87654321"));

        try (ApplicationContext context = ApplicationContext.run(properties(emulator, arn))) {
            IamportCredentialsProvider provider = context.getBean(IamportCredentialsProvider.class);
            provider.current();
            emulator.updateSecret(arn, Secrets.iamportSecret("new-key", "new-secret", "imp87654321"));
            provider.invalidate();

            assertThat(provider.current().impKey()).isEqualTo("new-key");
        }
    }

    @Test
    void secretSource_unknownSecret_isUnavailableAndNamesIt(AwsEmulator emulator) {
        try (ApplicationContext context = ApplicationContext.run(properties(emulator, "no-such-secret"))) {
            SecretSource source = context.getBean(SecretSource.class);

            assertThatThrownBy(() -> source.secretString("no-such-secret"))
                    .isInstanceOf(SecretUnavailableException.class).hasMessageContaining("no-such-secret");
        }
    }

    private static Map<String, Object> properties(AwsEmulator emulator, String secretId) {
        Map<String, Object> properties = new HashMap<>(emulator.micronautProperties());
        properties.put("iamport.secret-id", secretId);
        return properties;
    }
}

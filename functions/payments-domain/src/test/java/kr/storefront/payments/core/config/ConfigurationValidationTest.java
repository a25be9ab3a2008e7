package kr.storefront.payments.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanContextException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationValidationTest {

    @Test
    void iamportConfiguration_defaultsFitTheLambdaTimeouts() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("iamport.secret-id", "s"))) {
            IamportConfiguration iamport = context.getBean(IamportConfiguration.class);

            assertThat(iamport.baseUrl()).isEqualTo(URI.create("https://api.iamport.kr"));
            assertThat(iamport.connectTimeout().plus(iamport.readTimeout())).isLessThan(Duration.ofSeconds(29));
            assertThat(iamport.chargeReadTimeout()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
            assertThat(iamport.includeSandbox()).isFalse();
        }
    }

    @Test
    void iamportConfiguration_withoutSecretId_failsNamingTheProperty() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThatThrownBy(() -> context.getBean(IamportConfiguration.class))
                    .isInstanceOf(BeanContextException.class).hasMessageContaining("iamport.secret-id");
        }
    }

    @Test
    void storeConfiguration_withoutTableName_failsNamingTheProperty() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThatThrownBy(() -> context.getBean(StoreConfiguration.class))
                    .isInstanceOf(BeanContextException.class).hasMessageContaining("store.table-name");
        }
    }

    @Test
    void storeConfiguration_blankTableName_failsValidation() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("store.table-name", " "))) {
            assertThatThrownBy(() -> context.getBean(StoreConfiguration.class))
                    .isInstanceOf(BeanContextException.class).hasMessageContaining("tableName");
        }
    }

    @Test
    void environmentVariableNames_usedByTemplateYaml_bindToTheTypedConfiguration() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("store.table-name", "payments", "iamport.secret-id", "arn:secret",
                        "iamport.base-url", "http://127.0.0.1:1/"))
                .start()) {
            assertThat(context.getBean(StoreConfiguration.class).tableName()).isEqualTo("payments");
            assertThat(context.getBean(IamportConfiguration.class).baseUrl()).isEqualTo(URI.create("http://127.0.0.1:1/"));
        }
    }
}

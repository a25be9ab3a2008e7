package kr.storefront.payments.iamport.client.testing;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import kr.storefront.payments.core.testing.InMemorySecretSource;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.core.testing.Secrets;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.MerchantCredentials;

/**
 * An application context talking to an in-process i'mport sandbox, with the credentials secret in
 * memory and a hand-moved clock. Short timeouts and retry delays keep fault tests fast.
 */
public final class SandboxContext {

    public static final String SECRET_ID = "iamport-test-secret";

    private SandboxContext() {
    }

    public static ApplicationContext start(IamportSandbox sandbox, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("iamport.base-url", sandbox.baseUrl().toString());
        properties.put("iamport.secret-id", SECRET_ID);
        properties.put("iamport.connect-timeout", "1s");
        properties.put("iamport.read-timeout", "2s");
        properties.put("iamport.charge-read-timeout", "2s");
        properties.put("iamport.read-retry-delay", "10ms");
        properties.putAll(overrides);
        ApplicationContext context = ApplicationContext.builder()
                .environments(MutableClock.ENVIRONMENT, InMemorySecretSource.ENVIRONMENT)
                .properties(properties)
                .start();
        MerchantCredentials credentials = sandbox.credentials();
        context.getBean(InMemorySecretSource.class).put(SECRET_ID,
                Secrets.iamportSecret(credentials.impKey(), credentials.impSecret(), credentials.impCode()));
        return context;
    }
}

package kr.storefront.payments.core.testing;

import java.net.URI;
import java.time.Duration;
import kr.storefront.payments.core.config.IamportConfiguration;

/** {@link IamportConfiguration} for unit tests: the production defaults, with the secret id tests store the secret under. */
public final class IamportConfigurations {

    /** The secret id {@link #defaults()} names. */
    public static final String SECRET_ID = "iamport-test-secret";

    private IamportConfigurations() {
    }

    /** The defaults of {@code iamport.*}, test-channel payments refused. */
    public static IamportConfiguration defaults() {
        return withSandbox(false);
    }

    /** The defaults, accepting test-channel payments or not ({@code iamport.include-sandbox}). */
    public static IamportConfiguration withSandbox(boolean includeSandbox) {
        return new IamportConfiguration(URI.create("https://api.iamport.kr"), SECRET_ID, Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(5),
                Duration.ofSeconds(20), 2, Duration.ofMillis(200), includeSandbox);
    }
}

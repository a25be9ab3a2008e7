package kr.storefront.payments.local;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run the local stack.
 *
 * @param port         HTTP port on 127.0.0.1 (0 = any free port)
 * @param template     the SAM template to serve
 * @param awsEndpoint  an AWS emulator (LocalStack, moto) to use instead of embedded DynamoDB Local
 * @param enabledPgs   PGs offered (all five locally, so every PG can be tried)
 * @param tossApiMode  accept raw card data for Toss API mode
 * @param rebillEvery  run the rebill function on this interval; null for on-demand only
 * @param sampleData   seed a sample catalog
 */
record LocalStackOptions(int port, Path template, @Nullable URI awsEndpoint, String enabledPgs, boolean tossApiMode,
                         @Nullable Duration rebillEvery, boolean sampleData) {

    static LocalStackOptions defaults(Path template) {
        return new LocalStackOptions(8080, template, null, "tosspayments,kakaopay,payco,chai,uplus", false, null, true);
    }

    LocalStackOptions withPort(int value) {
        return new LocalStackOptions(value, template, awsEndpoint, enabledPgs, tossApiMode, rebillEvery, sampleData);
    }

    LocalStackOptions withAwsEndpoint(URI value) {
        return new LocalStackOptions(port, template, value, enabledPgs, tossApiMode, rebillEvery, sampleData);
    }

    LocalStackOptions withEnabledPgs(String value) {
        return new LocalStackOptions(port, template, awsEndpoint, value, tossApiMode, rebillEvery, sampleData);
    }

    LocalStackOptions withTossApiMode(boolean value) {
        return new LocalStackOptions(port, template, awsEndpoint, enabledPgs, value, rebillEvery, sampleData);
    }

    LocalStackOptions withRebillEvery(Duration value) {
        return new LocalStackOptions(port, template, awsEndpoint, enabledPgs, tossApiMode, value, sampleData);
    }
}

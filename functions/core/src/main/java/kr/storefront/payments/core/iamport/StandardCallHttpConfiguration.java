package kr.storefront.payments.core.iamport;

import io.micronaut.http.client.DefaultHttpClientConfiguration;
import jakarta.inject.Singleton;
import kr.storefront.payments.core.config.IamportConfiguration;

/** Client settings for calls that i'mport answers at once: token, lookups, prepare, cancel, billing-key management. */
@Singleton
final class StandardCallHttpConfiguration extends IamportHttpClientConfiguration {

    StandardCallHttpConfiguration(DefaultHttpClientConfiguration defaults, IamportConfiguration iamport) {
        super(defaults, iamport, iamport.readTimeout());
    }
}

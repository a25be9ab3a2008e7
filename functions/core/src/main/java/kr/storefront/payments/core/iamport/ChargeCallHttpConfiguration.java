package kr.storefront.payments.core.iamport;

import io.micronaut.http.client.DefaultHttpClientConfiguration;
import jakarta.inject.Singleton;
import kr.storefront.payments.core.config.IamportConfiguration;

/** Client settings for card charges, which wait on the card company and get the long read timeout. */
@Singleton
final class ChargeCallHttpConfiguration extends IamportHttpClientConfiguration {

    ChargeCallHttpConfiguration(DefaultHttpClientConfiguration defaults, IamportConfiguration iamport) {
        super(defaults, iamport, iamport.chargeReadTimeout());
    }
}

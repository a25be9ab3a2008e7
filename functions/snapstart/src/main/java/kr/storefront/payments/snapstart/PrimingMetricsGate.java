package kr.storefront.payments.snapstart;

import jakarta.inject.Singleton;
import kr.storefront.payments.observability.metrics.MetricsGate;

/** Nothing the priming thread does is counted: its orders and confirmations are fixed values, never business. */
@Singleton
final class PrimingMetricsGate implements MetricsGate {

    @Override
    public boolean counts() {
        return !Priming.active();
    }
}

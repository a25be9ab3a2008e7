package kr.storefront.payments.snapstart;

import java.util.List;

/** The requests an HTTP function primes its router, controllers and error mapping with (see {@link PrimingRoute}). */
public interface PrimingRoutes {

    List<PrimingRoute> routes();
}

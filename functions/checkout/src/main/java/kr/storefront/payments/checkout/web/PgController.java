package kr.storefront.payments.checkout.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import kr.storefront.payments.checkout.api.PgListingView;
import kr.storefront.payments.core.checkout.PgDirectory;

/** {@code GET /checkout/pgs}: the enabled PGs and what each supports. Public. */
@Controller("/checkout/pgs")
class PgController {

    private final PgDirectory directory;

    PgController(PgDirectory directory) {
        this.directory = directory;
    }

    @Get
    PgListingView list() {
        return PgListingView.of(directory.list());
    }
}

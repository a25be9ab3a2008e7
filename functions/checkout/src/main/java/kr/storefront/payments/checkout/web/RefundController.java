package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import kr.storefront.payments.checkout.api.RefundBody;
import kr.storefront.payments.checkout.api.RefundView;
import kr.storefront.payments.core.refund.RefundOutcome;
import kr.storefront.payments.core.refund.RefundRefusedException;
import kr.storefront.payments.core.refund.RefundRequest;
import kr.storefront.payments.core.admin.OrderAdministration;
import kr.storefront.payments.http.IamCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refunds of paid orders, for IAM-signed administrators (the same allow-list as the catalog upserts). */
@Controller("/checkout/admin/orders")
class RefundController {

    private static final Logger LOG = LoggerFactory.getLogger(RefundController.class);

    private final OrderAdministration administration;

    RefundController(OrderAdministration administration) {
        this.administration = administration;
    }

    @Post("/{merchantUid}/refunds")
    HttpResponse<RefundView> refund(IamCaller caller, HttpRequest<?> request,
                                    @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "not a merchant_uid")
                                    String merchantUid, @Body @Valid RefundBody body,
                                    @Header(IdempotencyKeys.HEADER) @Nullable @Pattern(regexp = IdempotencyKeys.PATTERN,
                                            message = IdempotencyKeys.MESSAGE) String idempotencyKey) {
        LOG.info("refund: {} refunds order {}", caller.arn(), merchantUid);
        RefundOutcome outcome = administration.refund(AdminActors.of(caller, request), merchantUid, new RefundRequest(
                body.amount(), body.reason(), body.refundHolder(), body.refundBank(), body.refundAccount(), body.refundTel()),
                idempotencyKey);
        if (outcome instanceof RefundOutcome.Refunded refunded) {
            return HttpResponse.<RefundView>status(refunded.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(RefundView.refunded(refunded.order(), refunded.refund()));
        }
        if (outcome instanceof RefundOutcome.Pending pending) {
            return HttpResponse.<RefundView>status(HttpStatus.ACCEPTED).body(RefundView.pending(pending.order(), pending.refundId()));
        }
        throw new RefundRefusedException(RefundRefusedException.Reason.IAMPORT_REJECTED, "i'mport refused the refund; nothing "
                + "was refunded", ((RefundOutcome.Rejected) outcome).iamportCode());
    }
}

package kr.storefront.payments.core.confirm;

import io.micronaut.core.annotation.Nullable;

/**
 * The identifiers a caller brings. Nothing else from the caller is trusted: the payment is
 * re-fetched from i'mport.
 *
 * @param impUid      i'mport's payment id, if known (the redirect can lack it)
 * @param merchantUid our order id, if known; when both are given they must belong together
 * @param source      who asks
 */
public record ConfirmRequest(@Nullable String impUid, @Nullable String merchantUid, ConfirmSource source) {

    public ConfirmRequest {
        if (impUid == null && merchantUid == null) {
            throw new IllegalArgumentException("imp_uid or merchant_uid is required");
        }
    }
}

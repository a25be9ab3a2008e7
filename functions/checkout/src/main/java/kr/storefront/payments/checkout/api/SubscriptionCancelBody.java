package kr.storefront.payments.checkout.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /checkout/admin/customers/{customer_id}/subscriptions/{subscription_id}/cancel}: ends it now;
 * {@code refund} of the current paid period's rebill charge: {@code none} (the default), {@code full} or
 * {@code prorated} (the unused time's share, rounded down to the won).
 */
@Serdeable
public record SubscriptionCancelBody(
        @Nullable @Pattern(regexp = "none|full|prorated", message = "none, full or prorated") String refund,
        @Nullable @Size(min = 1, max = 200) String reason) {
}

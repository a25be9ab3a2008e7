package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Locale;
import kr.storefront.payments.core.domain.BillingKey;

/** A customer's billing key. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BillingKeyView(
        @JsonProperty("customer_uid") String customerUid,
        String pg,
        String status,
        @Nullable CardView card,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    public static BillingKeyView of(BillingKey key) {
        return new BillingKeyView(key.customerUid(), key.pg().code(), key.status().name().toLowerCase(Locale.ROOT),
                CardView.of(key.card()), key.createdAt(), key.updatedAt());
    }
}

package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /checkout/subscriptions}.
 *
 * @param firstChargeAt ISO-8601 date ({@code 2026-12-01}, midnight in Seoul) or instant; now when absent
 */
@Serdeable
public record SubscribeBody(
        @JsonProperty("plan_id") @NotBlank @Size(max = 64) String planId,
        @JsonProperty("customer_uid") @NotBlank @Size(max = 80) String customerUid,
        @JsonProperty("first_charge_at") @Nullable @Size(max = 40) String firstChargeAt) {
}

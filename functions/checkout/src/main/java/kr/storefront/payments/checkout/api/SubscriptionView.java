package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Locale;
import kr.storefront.payments.core.domain.Subscription;

/** A customer's subscription. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        String id,
        @JsonProperty("plan_id") String planId,
        String name,
        long amount,
        String currency,
        IntervalView interval,
        @JsonProperty("customer_uid") String customerUid,
        String status,
        @JsonProperty("next_charge_at") @Nullable Instant nextChargeAt,
        @JsonProperty("cancel_at_period_end") boolean cancelAtPeriodEnd,
        @JsonProperty("created_at") Instant createdAt) {

    /** Billing interval. */
    @Serdeable
    public record IntervalView(String unit, int count) { }

    public static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.planId(), s.name(), s.amount(), s.currency(),
                new IntervalView(s.interval().unit().name().toLowerCase(Locale.ROOT), s.interval().count()), s.customerUid(),
                s.status().name().toLowerCase(Locale.ROOT), s.nextChargeAt(), s.cancelAtPeriodEnd(), s.createdAt());
    }
}

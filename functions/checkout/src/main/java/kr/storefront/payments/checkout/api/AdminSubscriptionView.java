package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import kr.storefront.payments.core.admin.AuditEntry;
import kr.storefront.payments.core.domain.Subscription;

/** A subscription as the back office sees it: with its billing state and the administrative actions on it. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdminSubscriptionView(
        String id,
        @JsonProperty("customer_id") String customerId,
        @JsonProperty("plan_id") String planId,
        String name,
        long amount,
        String currency,
        SubscriptionView.IntervalView interval,
        @JsonProperty("customer_uid") String customerUid,
        String status,
        @JsonProperty("periods_paid") int periodsPaid,
        @JsonProperty("paid_through") @Nullable Instant paidThrough,
        @JsonProperty("next_charge_at") @Nullable Instant nextChargeAt,
        @JsonProperty("cancel_at_period_end") boolean cancelAtPeriodEnd,
        @JsonProperty("failed_attempts") int failedAttempts,
        @JsonProperty("charge_in_flight") boolean chargeInFlight,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<AuditView> audit) {

    public static AdminSubscriptionView of(Subscription s, List<AuditEntry> audit) {
        return new AdminSubscriptionView(s.id(), s.customerId(), s.planId(), s.name(), s.amount(), s.currency(),
                new SubscriptionView.IntervalView(s.interval().unit().name().toLowerCase(Locale.ROOT), s.interval().count()),
                s.customerUid(), s.status().name().toLowerCase(Locale.ROOT), s.period(), s.paidThrough(), s.nextChargeAt(),
                s.cancelAtPeriodEnd(), s.failedAttempts(), s.attemptOpen(), s.createdAt(), s.updatedAt(),
                audit.stream().map(AuditView::of).toList());
    }
}

package kr.storefront.payments.core.catalog;

import java.time.Instant;
import java.util.Objects;
import kr.storefront.payments.core.domain.BillingInterval;

/**
 * A subscription plan: what a subscriber is charged, and how often.
 *
 * @param id        id, {@code [A-Za-z0-9_-]{1,64}}
 * @param name      charge name (≤ 40 chars)
 * @param amount    amount per period in won
 * @param interval  billing interval
 * @param active    inactive plans accept no new subscriptions (existing ones keep their terms)
 * @param digital   what the plan delivers is not a physical good (see {@link Product#digital()})
 * @param updatedAt last change
 */
public record Plan(String id, String name, long amount, BillingInterval interval, boolean active, boolean digital,
                   Instant updatedAt) {

    public Plan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be > 0");
        }
    }
}

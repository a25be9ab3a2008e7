package kr.storefront.payments.core.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A product sold one-off. Its price is the only source of an order's amount.
 *
 * @param sku       id, {@code [A-Za-z0-9_-]{1,64}}
 * @param name      name shown to the buyer (≤ 40 chars)
 * @param price     price per unit in won
 * @param active    inactive products cannot be ordered
 * @param digital   not a physical good (content, a service): the window's {@code digital}, which phone payments
 *                  require and which sets the PG's fee
 * @param updatedAt last change
 */
public record Product(String sku, String name, long price, boolean active, boolean digital, Instant updatedAt) {

    public Product {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (price <= 0) {
            throw new IllegalArgumentException("price must be > 0");
        }
    }
}

package kr.storefront.payments.core.domain;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/**
 * One catalog item of an order, priced from our catalog when the order was made.
 *
 * @param sku       product id
 * @param name      product name at the time of the order
 * @param unitPrice price per unit in won
 * @param quantity  units ordered
 */
@Serdeable
public record OrderLine(String sku, String name, long unitPrice, int quantity) {

    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        if (unitPrice < 0 || quantity <= 0) {
            throw new IllegalArgumentException("unit price must be >= 0 and quantity > 0");
        }
    }

    public long total() {
        return Math.multiplyExact(unitPrice, quantity);
    }
}

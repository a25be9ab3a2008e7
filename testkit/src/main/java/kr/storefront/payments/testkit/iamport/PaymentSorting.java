package kr.storefront.payments.testkit.iamport;

import java.util.Comparator;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The {@code sorting} query parameter of {@code /payments/find}: the first payment in this order wins.
 * Ties (same second) go to the payment created last, i.e. the larger imp_uid.
 */
enum PaymentSorting {
    STARTED_DESC("-started", Payment::startedAt, true),
    STARTED_ASC("started", Payment::startedAt, false),
    PAID_DESC("-paid", Payment::paidAt, true),
    PAID_ASC("paid", Payment::paidAt, false),
    UPDATED_DESC("-updated", Payment::updatedAt, true),
    UPDATED_ASC("updated", Payment::updatedAt, false);

    static final PaymentSorting DEFAULT = STARTED_DESC;

    private final String wire;
    private final Comparator<Payment> comparator;

    PaymentSorting(String wire, ToLongFunction<Payment> time, boolean descending) {
        this.wire = wire;
        Comparator<Payment> ascending = Comparator.comparingLong(time).thenComparing(Payment::impUid);
        this.comparator = descending ? ascending.reversed() : ascending;
    }

    Comparator<Payment> comparator() {
        return comparator;
    }

    static Optional<PaymentSorting> fromWire(String value) {
        for (PaymentSorting sorting : values()) {
            if (sorting.wire.equals(value)) {
                return Optional.of(sorting);
            }
        }
        return Optional.empty();
    }
}

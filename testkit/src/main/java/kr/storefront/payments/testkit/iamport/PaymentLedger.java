package kr.storefront.payments.testkit.iamport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Every payment the sandbox knows, in creation order. All access is synchronised so that "is this
 * merchant_uid already paid?" and recording the new payment happen as one step under concurrent calls.
 */
final class PaymentLedger {

    /** i'mport's refusal for a merchant_uid that already has a paid payment (F1002 in the window). */
    static final String ALREADY_PAID = "이미 결제가 이루어진 거래건입니다.";

    private final Map<String, Payment> byImpUid = new LinkedHashMap<>();

    /**
     * Records {@code payment} unless its merchant_uid already has a paid payment (i'mport's F1002).
     *
     * @return false when refused
     */
    synchronized boolean recordUnlessPaid(Payment payment) {
        boolean alreadyPaid = byImpUid.values().stream()
                .anyMatch(existing -> existing.merchantUid().equals(payment.merchantUid()) && existing.isPaid());
        if (alreadyPaid) {
            return false;
        }
        byImpUid.put(payment.impUid(), payment);
        return true;
    }

    synchronized Optional<Payment> find(String impUid) {
        return Optional.ofNullable(byImpUid.get(impUid));
    }

    /** All attempts for an order, oldest first. */
    synchronized List<Payment> byMerchantUid(String merchantUid) {
        return byImpUid.values().stream().filter(payment -> payment.merchantUid().equals(merchantUid)).toList();
    }

    /**
     * Replaces a payment with {@code change} applied to it; an exception from {@code change} leaves it as it was.
     *
     * @throws NoSuchElementException when there is no such payment
     */
    synchronized Payment update(String impUid, UnaryOperator<Payment> change) {
        Payment current = find(impUid).orElseThrow(() -> new NoSuchElementException("no payment " + impUid));
        Payment next = change.apply(current);
        byImpUid.put(impUid, next);
        return next;
    }

    synchronized void clear() {
        byImpUid.clear();
    }
}

package kr.storefront.payments.testkit.iamport;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Amounts registered with {@code POST /payments/prepare}, by merchant_uid. */
final class PreparedAmounts {

    private final ConcurrentMap<String, PreparedPayment> byMerchantUid = new ConcurrentHashMap<>();

    /** @return false when the merchant_uid is already registered */
    boolean register(PreparedPayment prepared) {
        return byMerchantUid.putIfAbsent(prepared.merchantUid(), prepared) == null;
    }

    Optional<PreparedPayment> find(String merchantUid) {
        return Optional.ofNullable(byMerchantUid.get(merchantUid));
    }

    void clear() {
        byMerchantUid.clear();
    }
}

package kr.storefront.payments.verify;

import io.micronaut.core.annotation.Nullable;
import java.util.regex.Pattern;

/** Shapes of the identifiers we accept from outside before asking i'mport about them. */
final class PaymentIds {

    /** i'mport payment ids: {@code imp_} and up to 28 letters or digits (32 in all). */
    static final String IMP_UID = "imp_[A-Za-z0-9]{1,28}";
    /** merchant_uids: up to 40 letters, digits, '_' or '-' (every id this service mints fits). */
    static final String MERCHANT_UID = "[A-Za-z0-9_-]{1,40}";

    private static final Pattern IMP_UID_PATTERN = Pattern.compile(IMP_UID);
    private static final Pattern MERCHANT_UID_PATTERN = Pattern.compile(MERCHANT_UID);

    private PaymentIds() {
    }

    static boolean isImpUid(@Nullable String value) {
        return value != null && IMP_UID_PATTERN.matcher(value).matches();
    }

    static boolean isMerchantUid(@Nullable String value) {
        return value != null && MERCHANT_UID_PATTERN.matcher(value).matches();
    }
}

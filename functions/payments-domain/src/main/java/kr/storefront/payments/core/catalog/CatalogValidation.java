package kr.storefront.payments.core.catalog;

import java.util.regex.Pattern;

/** Rules every catalog id and name follows, shared by administration and checkout. */
public final class CatalogValidation {

    /** SKUs and plan ids: letters, digits, '-' and '_', up to 64 characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** i'mport's limit on {@code name}. */
    public static final int MAX_NAME_LENGTH = 40;
    /** Upper bound on a price, far above any real one, so sums of lines cannot overflow. */
    public static final long MAX_PRICE = 1_000_000_000L;

    private CatalogValidation() {
    }
}

package kr.storefront.payments.testkit.iamport;

/**
 * The card as PortOne describes it in payments and billing keys.
 *
 * @param cardCode   card company code, e.g. "366"
 * @param cardName   card company name, e.g. "신한카드"
 * @param cardNumber masked, e.g. "536181******4021"; the full number is never kept
 * @param cardType   0 credit, 1 check
 */
public record CardDetails(String cardCode, String cardName, String cardNumber, Integer cardType) {
}

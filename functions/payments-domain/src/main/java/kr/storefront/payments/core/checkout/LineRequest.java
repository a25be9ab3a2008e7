package kr.storefront.payments.core.checkout;

/** One catalog item the buyer asks for: a SKU and a quantity. Prices never come from the request. */
public record LineRequest(String sku, int quantity) {
}

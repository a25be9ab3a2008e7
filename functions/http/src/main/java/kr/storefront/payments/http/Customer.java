package kr.storefront.payments.http;

/**
 * The signed-in customer: the {@code sub} claim API Gateway's JWT authorizer validated. Declare it
 * as a controller argument; a request without it is answered 401 before the controller runs.
 */
public record Customer(String id) {
}

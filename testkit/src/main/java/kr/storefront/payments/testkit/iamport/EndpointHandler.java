package kr.storefront.payments.testkit.iamport;

/**
 * Handles one authenticated (or, for getToken, credential-carrying) call to an endpoint.
 * May throw {@link InvalidRequestException} for a 400.
 */
@FunctionalInterface
interface EndpointHandler {

    ApiResponse handle(ApiRequest request);
}

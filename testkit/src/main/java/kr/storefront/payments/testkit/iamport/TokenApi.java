package kr.storefront.payments.testkit.iamport;

/** {@code POST /users/getToken}. */
final class TokenApi {

    private final TokenService tokens;
    private final SandboxClock clock;

    TokenApi(TokenService tokens, SandboxClock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    ApiResponse getToken(ApiRequest request) {
        String impKey = request.params().text("imp_key").orElse(null);
        String impSecret = request.params().text("imp_secret").orElse(null);
        return tokens.issue(impKey, impSecret)
                .map(token -> ApiResponse.ok(ApiJson.token(token, clock.epochSecond())))
                .orElseGet(ApiResponse::unauthorized);
    }
}

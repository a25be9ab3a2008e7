package kr.storefront.payments.iamport.client;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;

/**
 * Adds i'mport's access token to every call but the token request itself, and drops a token that
 * i'mport answered 401 to, so that the caller's one repeat ({@link HttpIamportGateway}) gets a fresh
 * one. A warm-up's calls get a placeholder: nothing real is fetched before a snapshot.
 */
@ClientFilter(serviceId = {IamportClients.STANDARD, IamportClients.CHARGES})
final class IamportAuthorization {

    static final String TOKEN_PATH = "/users/getToken";
    private static final String BEARER = "Bearer ";

    private final BeanProvider<AccessTokenCache> tokens; // the cache calls i'mport through these very clients

    IamportAuthorization(BeanProvider<AccessTokenCache> tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    void authorize(MutableHttpRequest<?> request) {
        if (request.getPath().endsWith(TOKEN_PATH)) {
            return;
        }
        request.bearerAuth(IamportClients.WarmUpRoute.active() ? "priming" : tokens.get().token());
    }

    @ResponseFilter
    void dropRefusedToken(HttpRequest<?> request, HttpResponse<?> response) {
        if (response.code() == HttpStatus.UNAUTHORIZED.getCode()) {
            request.getHeaders().getAuthorization()
                    .filter(value -> value.startsWith(BEARER))
                    .ifPresent(value -> tokens.get().invalidate(value.substring(BEARER.length())));
        }
    }
}

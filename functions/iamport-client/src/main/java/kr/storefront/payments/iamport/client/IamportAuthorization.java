package kr.storefront.payments.iamport.client;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.BasicHttpAttributes;
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
 * one. The warm-up client gets a placeholder: nothing real is fetched before a snapshot.
 */
@ClientFilter(serviceId = {IamportClients.STANDARD, IamportClients.CHARGES, IamportClients.WARM_UP})
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
        boolean warmUp = BasicHttpAttributes.getServiceId(request).filter(IamportClients.WARM_UP::equals).isPresent();
        request.bearerAuth(warmUp ? "priming" : tokens.get().token());
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

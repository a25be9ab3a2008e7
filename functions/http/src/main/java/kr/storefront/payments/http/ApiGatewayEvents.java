package kr.storefront.payments.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.servlet.http.ServletHttpRequest;
import io.micronaut.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

/** Reads what API Gateway (payload 2.0) put in the event around the HTTP request. */
public final class ApiGatewayEvents {

    private ApiGatewayEvents() {
    }

    /** The event behind a request (controllers see it wrapped with its decoded body; binders see it bare). */
    public static Optional<APIGatewayV2HTTPEvent> of(HttpRequest<?> request) {
        return request instanceof ServletHttpRequest<?, ?> servletRequest
                && servletRequest.getNativeRequest() instanceof APIGatewayV2HTTPEvent event
                ? Optional.of(event)
                : Optional.empty();
    }

    /** Claims of the JWT authorizer, empty when the route has none or the token was not validated. */
    public static Map<String, String> jwtClaims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    /** ARN of the IAM principal that signed the request (routes with the AWS_IAM authorizer). */
    public static Optional<String> iamCaller(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getIam() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getAuthorizer().getIam().getUserArn());
    }

    /** The client address API Gateway saw. */
    public static Optional<String> sourceIp(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? Optional.empty()
                : Optional.ofNullable(context.getHttp().getSourceIp());
    }

    /** The domain the request came in on (the API's own domain, or its custom domain). */
    public static Optional<String> domainName(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() == null ? Optional.empty() : Optional.ofNullable(event.getRequestContext().getDomainName());
    }
}

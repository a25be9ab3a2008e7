package kr.storefront.payments.testkit.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.storefront.payments.testkit.SampleEvents;

/**
 * API Gateway HTTP API (payload 2.0) events as API Gateway builds them: after the authorizer
 * (JWT claims or IAM identity), with the body base64-encoded when asked. Used by function tests
 * and by the local stack, which plays API Gateway in front of the functions. Fixtures are the
 * repository's {@code events/} files ({@link SampleEvents}), the ones {@code sam local invoke -e} takes.
 */
public final class HttpApiEvent {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    public static final String DOMAIN = "abc123.execute-api.ap-northeast-2.amazonaws.com";

    private final APIGatewayV2HTTPEvent event;

    private HttpApiEvent(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** A file of the repository's {@code events/}, e.g. {@code checkout-orders-create.json}, with a fresh request id. */
    public static HttpApiEvent fromSample(String file) {
        try {
            APIGatewayV2HTTPEvent event = JSON.readValue(SampleEvents.path(file).toFile(), APIGatewayV2HTTPEvent.class);
            event.getRequestContext().setRequestId(UUID.randomUUID().toString());
            return new HttpApiEvent(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh request with no authorizer, JSON content type, from a public IP. */
    public static HttpApiEvent request(String method, String path) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(method + " " + path);
        event.setRawPath(path);
        event.setRawQueryString("");
        event.setHeaders(new HashMap<>(Map.of("content-type", "application/json", "accept", "application/json",
                "user-agent", "storefront-test")));
        event.setIsBase64Encoded(false);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAccountId("123456789012");
        context.setApiId("abc123");
        context.setDomainName(DOMAIN);
        context.setDomainPrefix("abc123");
        context.setRequestId(UUID.randomUUID().toString());
        context.setRouteKey(method + " " + path);
        context.setStage("$default");
        context.setTimeEpoch(Instant.now().toEpochMilli());
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(method);
        http.setPath(path);
        http.setProtocol("HTTP/1.1");
        http.setSourceIp("203.0.113.10");
        http.setUserAgent("storefront-test");
        context.setHttp(http);
        event.setRequestContext(context);
        return new HttpApiEvent(event);
    }

    public HttpApiEvent body(String body) {
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return this;
    }

    /** The body as API Gateway sends form posts sometimes: base64-encoded. */
    public HttpApiEvent base64Body(String body) {
        event.setBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        return this;
    }

    public HttpApiEvent header(String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        event.setHeaders(headers);
        return this;
    }

    public HttpApiEvent withoutHeader(String name) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove(name.toLowerCase(java.util.Locale.ROOT));
        event.setHeaders(headers);
        return this;
    }

    public HttpApiEvent query(String name, String value) {
        Map<String, String> query = new LinkedHashMap<>(event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters());
        query.put(name, value);
        event.setQueryStringParameters(query);
        event.setRawQueryString(query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&")));
        return this;
    }

    /** As after API Gateway's JWT authorizer validated a token with this {@code sub}. */
    public HttpApiEvent signedInAs(String subject) {
        return jwtClaims(Map.of("sub", subject, "iss", "https://issuer.example.com", "aud", "storefront"));
    }

    /** As after API Gateway's JWT authorizer validated a token with these claims. */
    public HttpApiEvent jwtClaims(Map<String, String> claims) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.copyOf(claims));
        jwt.setScopes(List.of());
        authorizer.setJwt(jwt);
        event.getRequestContext().setAuthorizer(authorizer);
        return this;
    }

    /** As after API Gateway's AWS_IAM authorizer verified a SigV4 signature. */
    public HttpApiEvent signedByIam(String userArn) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        APIGatewayV2HTTPEvent.RequestContext.IAM iam = new APIGatewayV2HTTPEvent.RequestContext.IAM();
        iam.setUserArn(userArn);
        iam.setAccountId("123456789012");
        authorizer.setIam(iam);
        event.getRequestContext().setAuthorizer(authorizer);
        return this;
    }

    /** The domain API Gateway received the request on (the Host the client used). */
    public HttpApiEvent domainName(String domain) {
        event.getRequestContext().setDomainName(domain);
        return this;
    }

    public HttpApiEvent sourceIp(String ip) {
        event.getRequestContext().getHttp().setSourceIp(ip);
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        return event;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

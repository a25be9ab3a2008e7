package kr.storefront.payments.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.crac.OrderedResource;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * SnapStart priming of an HTTP function, run in {@code beforeCheckpoint}: its {@link PrimingRoutes}
 * go through the same API Gateway adapter, router, controllers, JSON and error mapping as real
 * events, inside the {@link Priming} scope (store answered by a loopback responder in this process,
 * no i'mport call, no secret).
 */
// only where the API Gateway adapter is on the classpath (checkout, verify; the dependency is optional here)
@Requires(classes = APIGatewayV2HTTPEventFunction.class)
@Singleton
final class HttpRoutePriming implements OrderedResource {

    private static final Logger LOG = LoggerFactory.getLogger(HttpRoutePriming.class);

    private final ApplicationContext context;
    private final PrimingConfiguration configuration;
    private final BeanProvider<SdkHttpClient> sdkHttp;
    private final List<PrimingRoutes> routes;

    HttpRoutePriming(ApplicationContext context, PrimingConfiguration configuration, BeanProvider<SdkHttpClient> sdkHttp,
                     List<PrimingRoutes> routes) {
        this.context = context;
        this.configuration = configuration;
        this.sdkHttp = sdkHttp;
        this.routes = routes;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> crac) {
        if (!configuration.enabled() || routes.isEmpty() || !(sdkHttp.get() instanceof PrimingHttpClient primingClient)) {
            return;
        }
        long started = System.nanoTime();
        // a second adapter on the running context: the one Lambda built is not reachable from a bean
        APIGatewayV2HTTPEventFunction function = new APIGatewayV2HTTPEventFunction(context);
        List<APIGatewayV2HTTPEvent> events = routes.stream().flatMap(r -> r.routes().stream()).map(HttpRoutePriming::event).toList();
        try (PrimingHttpClient.LoopbackSession loopback = primingClient.loopback()) {
            for (int i = 0; i < configuration.iterations(); i++) {
                for (APIGatewayV2HTTPEvent event : events) {
                    Priming.attempt(() -> function.handleRequest(event, new MockLambdaContext()));
                }
            }
        }
        LOG.info("primed {} routes in {} ms", events.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void afterRestore(Context<? extends Resource> crac) {
        // nothing to renew
    }

    @Override
    public int getOrder() {
        return 10;
    }

    private static APIGatewayV2HTTPEvent event(PrimingRoute route) {
        Map<String, String> headers = route.contentType() == null ? Map.of("accept", "application/json")
                : Map.of("accept", "application/json", "content-type", route.contentType());
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.method() + " " + route.path())
                .withRawPath(route.path())
                .withRawQueryString("")
                .withHeaders(headers)
                .withBody(route.body())
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming")
                        .withRouteKey(route.method() + " " + route.path())
                        .withStage("$default")
                        .withDomainName("priming.invalid")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(route.method()).withPath(route.path()).withProtocol("HTTP/1.1")
                                .withSourceIp("127.0.0.1").withUserAgent("priming").build())
                        .build())
                .build();
    }
}

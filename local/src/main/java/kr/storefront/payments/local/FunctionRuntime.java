package kr.storefront.payments.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hosts the template's functions in this JVM, each with its own application context built from
 * its template environment, like one Lambda instance per function. HTTP functions get API Gateway
 * events; the others (rebill) get their JSON input.
 */
final class FunctionRuntime implements AutoCloseable {

    private static final String HTTP_HANDLER = APIGatewayV2HTTPEventFunction.class.getName();

    private final SamTemplate template;
    private final LocalEnvironment environment;
    private final Map<String, Hosted> functions = new LinkedHashMap<>();

    private record Hosted(SamTemplate.FunctionSpec spec, ApplicationContext context, Object handler) { }

    FunctionRuntime(SamTemplate template, LocalEnvironment environment) {
        this.template = template;
        this.environment = environment;
        for (SamTemplate.FunctionSpec function : template.functions()) {
            functions.put(function.logicalId(), host(function));
        }
    }

    APIGatewayV2HTTPResponse invokeHttp(String logicalId, APIGatewayV2HTTPEvent event) {
        Hosted hosted = hosted(logicalId);
        if (!(hosted.handler() instanceof APIGatewayV2HTTPEventFunction function)) {
            throw new IllegalArgumentException(logicalId + " is not an HTTP API function");
        }
        return function.handleRequest(event, new LocalLambdaContext(logicalId, hosted.spec().timeoutSeconds()));
    }

    /** Runs a non-HTTP function on a JSON input and returns its JSON output, as Lambda would serialize it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    String invokeJson(String logicalId, String inputJson) {
        Hosted hosted = hosted(logicalId);
        if (!(hosted.handler() instanceof MicronautRequestHandler handler)) {
            throw new IllegalArgumentException(logicalId + " takes API Gateway events");
        }
        JsonMapper json = hosted.context().getBean(JsonMapper.class);
        try {
            Object input = json.readValue(inputJson, io.micronaut.core.type.Argument.of(inputType(handler.getClass())));
            Object output = handler.handleRequest(input, new LocalLambdaContext(logicalId, hosted.spec().timeoutSeconds()));
            return json.writeValueAsString(output);
        } catch (IOException e) {
            throw new IllegalArgumentException("input for " + logicalId + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The handler instance hosting {@code logicalId}. */
    Object handler(String logicalId) {
        return hosted(logicalId).handler();
    }

    boolean isHttp(String logicalId) {
        return hosted(logicalId).handler() instanceof APIGatewayV2HTTPEventFunction;
    }

    <T> T bean(String logicalId, Class<T> type) {
        return hosted(logicalId).context().getBean(type);
    }

    /** {@code type}'s bean from the first function (in template order) whose context has one. */
    <T> T anyBean(Class<T> type) {
        return functions.values().stream().map(Hosted::context).filter(context -> context.containsBean(type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no function of the template has a " + type.getSimpleName()))
                .getBean(type);
    }

    @Override
    public void close() {
        functions.values().forEach(hosted -> hosted.context().close());
    }

    private Hosted hosted(String logicalId) {
        Hosted hosted = functions.get(logicalId);
        if (hosted == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in template.yaml; known: " + functions.keySet());
        }
        return hosted;
    }

    private Hosted host(SamTemplate.FunctionSpec function) {
        ApplicationContext context = ApplicationContext.builder()
                .environments(environment.environments().toArray(String[]::new))
                .propertySources(PropertySource.of(function.logicalId() + "-environment",
                        environment.environmentFor(function, template), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .properties(environment.properties())
                .start();
        try {
            Object handler = HTTP_HANDLER.equals(function.handler()) ? new APIGatewayV2HTTPEventFunction(context)
                    : Class.forName(function.handler()).getConstructor(ApplicationContext.class).newInstance(context);
            return new Hosted(function, context, handler);
        } catch (ReflectiveOperationException e) {
            context.close();
            throw new IllegalStateException("cannot create handler " + function.handler() + " of " + function.logicalId()
                    + " (it needs a constructor taking the ApplicationContext)", e);
        }
    }

    /** The {@code I} of {@code MicronautRequestHandler<I, O>}. */
    private static Class<?> inputType(Class<?> handlerClass) {
        for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
            Type superType = type.getGenericSuperclass();
            if (superType instanceof ParameterizedType parameterized
                    && parameterized.getRawType() == MicronautRequestHandler.class) {
                Type input = parameterized.getActualTypeArguments()[0];
                return input instanceof Class<?> inputClass ? inputClass : Object.class;
            }
        }
        return Object.class;
    }
}

package kr.storefront.payments.http.testing;

import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;

/**
 * The handler as Lambda (and {@code sam local invoke}) builds it: the no-arg constructor, its own
 * context from the environment (here system properties copied from a test bed). micronaut-aws#2479
 * is why that path is tested apart from the {@code (ApplicationContext)} constructor.
 */
public final class DeployedHandler implements AutoCloseable {

    private final APIGatewayV2HTTPEventFunction function;
    private final Map<String, String> systemProperties;

    private DeployedHandler(Map<String, String> systemProperties) {
        this.systemProperties = systemProperties;
        systemProperties.forEach(System::setProperty);
        this.function = new APIGatewayV2HTTPEventFunction();
    }

    /** @param propertyNames the bed's properties the function needs (emulator endpoints, table, secret, ...) */
    public static DeployedHandler of(FunctionTestBed bed, List<String> propertyNames) {
        return new DeployedHandler(propertyNames.stream().collect(Collectors.toMap(name -> name,
                name -> bed.context().getRequiredProperty(name, String.class))));
    }

    /** Properties every function needs. */
    public static List<String> commonProperties() {
        return List.of("aws.region", "aws.access-key-id", "aws.secret-key", "aws.services.dynamodb.endpoint-override",
                "aws.services.secretsmanager.endpoint-override", "store.table-name", "iamport.secret-id", "iamport.base-url",
                "payments.enabled-pgs");
    }

    /** Runs {@code events/<file>} from the project root, as {@code sam local invoke -e events/<file>} would. */
    public HttpApiResponse invokeSample(String file) {
        return HttpApiResponse.of(function.handleRequest(HttpApiEvent.fromSample(file).build(), new MockLambdaContext()));
    }

    @Override
    public void close() {
        function.close();
        systemProperties.keySet().forEach(System::clearProperty);
    }
}

package kr.storefront.payments.http.testing;

import kr.storefront.payments.testkit.apigateway.HttpApiEvent;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.core.order.OrderUtil;
import io.micronaut.crac.OrderedResource;
import io.micronaut.crac.test.CheckpointSimulator;
import io.micronaut.crac.test.DefaultCheckpointSimulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.testing.Secrets;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.MerchantCredentials;
import kr.storefront.payments.testkit.iamport.SandboxOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * An HTTP function as deployed: the real Lambda handler class on a real application context, its
 * table and secret in the AWS emulator, i'mport played by the sandbox. Events go in, API Gateway
 * responses come out.
 */
public final class FunctionTestBed implements AutoCloseable {

    private final IamportSandbox sandbox;
    private final ApplicationContext context;
    private final APIGatewayV2HTTPEventFunction function;
    private final String tableName;
    private final Map<String, Object> properties;
    private final boolean ownsSandbox;
    private final DynamoDbClient dynamo;

    private FunctionTestBed(IamportSandbox sandbox, Map<String, Object> properties, String tableName, boolean ownsSandbox,
                            DynamoDbClient dynamo) {
        this.sandbox = sandbox;
        this.dynamo = dynamo;
        this.properties = Map.copyOf(properties);
        this.context = ApplicationContext.builder().environments("function", "lambda").properties(properties).start();
        this.tableName = tableName;
        this.ownsSandbox = ownsSandbox;
        this.function = new APIGatewayV2HTTPEventFunction(context);
    }

    /** @param overrides application properties on top of the deployed defaults (e.g. {@code payments.enabled-pgs}) */
    public static FunctionTestBed start(AwsEmulator emulator, Map<String, Object> overrides) {
        return start(emulator, overrides, "", SandboxOptions.defaults());
    }

    /** @param sandboxOptions how the bed's i'mport sandbox starts */
    public static FunctionTestBed start(AwsEmulator emulator, Map<String, Object> overrides, SandboxOptions sandboxOptions) {
        return start(emulator, overrides, "", sandboxOptions);
    }

    /**
     * @param secretSettings more members of the i'mport secret document (MIDs, channel keys), e.g.
     *                       {@code "api_mids":{"tosspayments":"tossapi14"}}, or ""
     * @param sandboxOptions how the bed's i'mport sandbox starts
     */
    public static FunctionTestBed start(AwsEmulator emulator, Map<String, Object> overrides, String secretSettings,
                                        SandboxOptions sandboxOptions) {
        IamportSandbox sandbox = IamportSandbox.start(sandboxOptions);
        MerchantCredentials credentials = sandbox.credentials();
        String table = emulator.createTable("function");
        Map<String, Object> properties = new HashMap<>(emulator.micronautProperties());
        properties.put("store.table-name", table);
        properties.put("iamport.secret-id", emulator.createSecret("iamport",
                Secrets.iamportSecret(credentials.impKey(), credentials.impSecret(), credentials.impCode(), secretSettings)));
        properties.put("iamport.base-url", sandbox.baseUrl().toString());
        properties.put("iamport.read-timeout", "3s");
        properties.put("iamport.charge-read-timeout", "3s");
        properties.put("iamport.read-retry-delay", "10ms");
        properties.put("payments.enabled-pgs", "payco,chai,kakaopay,tosspayments,uplus");
        properties.putAll(overrides);
        return new FunctionTestBed(sandbox, properties, table, true, emulator.dynamoDb());
    }

    /**
     * Another instance of the same function (its own context, as on another Lambda instance) on the
     * same table, secret and sandbox: for races between instances.
     */
    public FunctionTestBed sibling() {
        return new FunctionTestBed(sandbox, properties, tableName, false, dynamo);
    }

    public HttpApiResponse invoke(HttpApiEvent event) {
        return HttpApiResponse.of(function.handleRequest(event.build(), new MockLambdaContext()));
    }

    public IamportSandbox sandbox() {
        return sandbox;
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String tableName() {
        return tableName;
    }

    /** How many items the function's table holds (a test-only Scan). */
    public int itemCount() {
        return dynamo.scan(request -> request.tableName(tableName).select(Select.COUNT)).count();
    }

    /**
     * micronaut-crac's checkpoint simulator over this context's resources, in their order: it drives the
     * SnapStart hooks as Lambda's runtime does.
     */
    public CheckpointSimulator snapStart() {
        List<OrderedResource> resources = new ArrayList<>(context.getBeansOfType(OrderedResource.class));
        resources.sort(OrderUtil.COMPARATOR);
        return new DefaultCheckpointSimulator(resources);
    }

    @Override
    public void close() {
        context.close();
        if (ownsSandbox) {
            sandbox.close();
        }
    }
}

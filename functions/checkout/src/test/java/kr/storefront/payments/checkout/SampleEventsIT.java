package kr.storefront.payments.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.aws.TemplateTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The root {@code events/checkout-*.json} files, as {@code sam local invoke CheckoutFunction -e} would
 * run them: through the handler's no-arg constructor, which builds its own context from the
 * environment like Lambda does (micronaut-aws#2479 is why that path is tested on its own).
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private FunctionTestBed bed;
    private APIGatewayV2HTTPEventFunction deployedHandler;
    private Map<String, String> systemProperties;

    @BeforeAll
    void start(AwsEmulator emulator) {
        bed = CheckoutTestSupport.start(emulator, Map.of());
        systemProperties = new java.util.HashMap<>();
        for (String name : new String[] {"aws.region", "aws.access-key-id", "aws.secret-key",
                "aws.services.dynamodb.endpoint-override", "aws.services.secretsmanager.endpoint-override", "store.table-name",
                "iamport.secret-id", "iamport.base-url", "payments.enabled-pgs"}) {
            systemProperties.put(name, bed.context().getRequiredProperty(name, String.class));
        }
        systemProperties.forEach(System::setProperty);
        deployedHandler = new APIGatewayV2HTTPEventFunction();
    }

    @AfterAll
    void stop() {
        deployedHandler.close();
        systemProperties.keySet().forEach(System::clearProperty);
        bed.close();
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("checkout-pgs-list.json", 200),
                Arguments.of("checkout-products-list.json", 200),
                Arguments.of("checkout-plans-list.json", 200),
                Arguments.of("checkout-orders-create.json", 200),
                Arguments.of("checkout-billing-keys-create.json", 200),
                Arguments.of("checkout-billing-keys-list.json", 200),
                Arguments.of("checkout-billing-keys-delete.json", 404),
                Arguments.of("checkout-billing-keys-card.json", 403),
                Arguments.of("checkout-payments-card.json", 403),
                Arguments.of("checkout-subscriptions-create.json", 400),
                Arguments.of("checkout-subscriptions-list.json", 200),
                Arguments.of("checkout-subscriptions-cancel.json", 404),
                Arguments.of("checkout-admin-product-put.json", 200),
                Arguments.of("checkout-admin-plan-put.json", 200));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("samples")
    void sampleEvent_runsThroughTheDeployedHandler(String file, int expectedStatus) throws IOException {
        APIGatewayV2HTTPEvent event = JSON.readValue(eventsDir().resolve(file).toFile(), APIGatewayV2HTTPEvent.class);

        var response = deployedHandler.handleRequest(event, new MockLambdaContext());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expectedStatus);
    }

    @Test
    void everySampleEvent_isCoveredAndMatchesItsTestFixture() throws IOException {
        try (Stream<Path> files = Files.list(eventsDir())) {
            var samples = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("checkout-")).sorted().toList();
            assertThat(samples).containsExactlyInAnyOrderElementsOf(samples().map(a -> (String) a.get()[0]).toList());
            for (String sample : samples) {
                Path fixture = Path.of("src/test/resources/events", sample.substring("checkout-".length()));
                assertThat(JSON.readTree(eventsDir().resolve(sample).toFile())).as(sample).isEqualTo(JSON.readTree(fixture.toFile()));
            }
        }
    }

    private static Path eventsDir() {
        return TemplateTable.locateTemplate().getParent().resolve("events");
    }
}

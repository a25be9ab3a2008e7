package kr.storefront.payments.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.storefront.payments.testkit.aws.TemplateTable;

/**
 * The handler as Lambda (and {@code sam local invoke}) builds it: the no-arg constructor, its own
 * context from the environment (here system properties copied from a test bed). micronaut-aws#2479
 * is why that path is tested apart from the {@code (ApplicationContext)} constructor.
 */
public final class DeployedHandler implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

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
        try {
            APIGatewayV2HTTPEvent event = JSON.readValue(eventsDir().resolve(file).toFile(), APIGatewayV2HTTPEvent.class);
            return HttpApiResponse.of(function.handleRequest(event, new MockLambdaContext()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts the root {@code events/<prefix>*.json} files are exactly {@code samples}, each identical to
     * the module's test fixture {@code src/test/resources/events/<name without prefix>}.
     */
    public static void assertSamplesMatchFixtures(String prefix, List<String> samples) {
        try (Stream<Path> files = Files.list(eventsDir())) {
            List<String> found = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
            assertThat(found).containsExactlyInAnyOrderElementsOf(samples);
            for (String sample : found) {
                Path fixture = Path.of("src/test/resources/events", sample.substring(prefix.length()));
                assertThat(JSON.readTree(eventsDir().resolve(sample).toFile())).as(sample).isEqualTo(JSON.readTree(fixture.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        function.close();
        systemProperties.keySet().forEach(System::clearProperty);
    }

    private static Path eventsDir() {
        return TemplateTable.locateTemplate().getParent().resolve("events");
    }
}

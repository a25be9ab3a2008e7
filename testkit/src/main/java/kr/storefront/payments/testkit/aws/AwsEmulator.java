package kr.storefront.payments.testkit.aws;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The AWS emulator for this test JVM, chosen once:
 * <ol>
 *   <li>{@code TEST_AWS_ENDPOINT} set: that endpoint, for every service (started by someone else);</li>
 *   <li>a Docker engine reachable: LocalStack {@value #LOCALSTACK_IMAGE} via Testcontainers;</li>
 *   <li>otherwise: {@code moto_server} on a free loopback port, reached through a
 *       {@link SerializingProxy} because moto does not apply conditional writes atomically.</li>
 * </ol>
 * SQS is reached directly, never through the proxy: it needs no serializing, and a long poll would hold the
 * proxy's one thread. Whatever it started is stopped when the JVM exits. When nothing can start, it throws
 * {@link EmulatorUnavailableException}: tests fail, they never skip.
 */
public final class AwsEmulator {

    /** Newer tags need a LocalStack auth token. */
    public static final String LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";
    public static final String ENDPOINT_VARIABLE = "TEST_AWS_ENDPOINT";

    /** Which emulator is serving. */
    public enum Kind { EXTERNAL, LOCALSTACK, MOTO }

    private static final Logger LOG = LoggerFactory.getLogger(AwsEmulator.class);
    private static final Region REGION = Region.AP_NORTHEAST_2;
    private static final String ACCESS_KEY = "test";
    private static final String SECRET_KEY = "test";

    private static AwsEmulator shared;

    private final Kind kind;
    private final URI endpoint;
    private final URI sqsEndpoint;
    private final DynamoDbClient dynamoDb;
    private final SecretsManagerClient secretsManager;
    private final SqsClient sqs;

    private AwsEmulator(Kind kind, URI endpoint, URI sqsEndpoint) {
        this.kind = kind;
        this.endpoint = endpoint;
        this.sqsEndpoint = sqsEndpoint;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.secretsManager = SecretsManagerClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(REGION).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** The emulator of this JVM, started on first use. */
    public static synchronized AwsEmulator shared() {
        if (shared == null) {
            shared = start();
            LOG.info("AWS emulator: {} at {}", shared.kind, shared.endpoint);
        }
        return shared;
    }

    private static AwsEmulator start() {
        String explicit = System.getenv(ENDPOINT_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            URI endpoint = URI.create(explicit.trim());
            return new AwsEmulator(Kind.EXTERNAL, endpoint, endpoint);
        }
        if (dockerReachable()) {
            LocalStackContainer localStack = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                    .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SECRETSMANAGER,
                            LocalStackContainer.Service.SQS);
            localStack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(localStack::stop, "localstack-stop"));
            URI endpoint = localStack.getEndpointOverride(LocalStackContainer.Service.DYNAMODB);
            return new AwsEmulator(Kind.LOCALSTACK, endpoint, endpoint);
        }
        MotoServer moto = MotoServer.start();
        SerializingProxy proxy = SerializingProxy.start(moto.endpoint());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            moto.close();
        }, "moto-stop"));
        return new AwsEmulator(Kind.MOTO, proxy.endpoint(), moto.endpoint());
    }

    private static boolean dockerReachable() {
        LOG.info("Looking for a Docker engine for LocalStack; if none is found Testcontainers logs an error and moto_server is used");
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public Kind kind() {
        return kind;
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return REGION.id();
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SecretsManagerClient secretsManager() {
        return secretsManager;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Where SQS is served (for moto, the server itself rather than the serializing proxy). */
    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    /**
     * Micronaut properties that point {@code micronaut-aws-sdk-v2}'s clients at this emulator
     * (and keep the SDK from looking for real credentials or region).
     */
    public Map<String, String> micronautProperties() {
        return Map.of(
                "aws.region", REGION.id(),
                "aws.access-key-id", ACCESS_KEY,
                "aws.secret-key", SECRET_KEY,
                "aws.services.dynamodb.endpoint-override", endpoint.toString(),
                "aws.services.secretsmanager.endpoint-override", endpoint.toString(),
                "aws.services.sqs.endpoint-override", sqsEndpoint.toString());
    }

    /**
     * Creates a standard queue with a unique name and its dead-letter queue ({@code maxReceiveCount} receives,
     * then the message moves there), as template.yaml declares the rebill queue.
     */
    public Queue createQueue(String namePrefix, int visibilityTimeoutSeconds, int maxReceiveCount) {
        String name = namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String deadLetterUrl = sqs.createQueue(request -> request.queueName(name + "-dlq")).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(request -> request.queueName(name).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"))).queueUrl();
        return new Queue(url, deadLetterUrl);
    }

    /** A queue and its dead-letter queue. */
    public record Queue(String url, String deadLetterUrl) {
    }

    /** Creates a table shaped as template.yaml declares it, with a unique name, and waits until it is usable. */
    public String createTable(String namePrefix) {
        TemplateTable table = TemplateTable.fromTemplate(TemplateTable.locateTemplate());
        String name = namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        dynamoDb.createTable(table.createRequest(name));
        dynamoDb.waiter().waitUntilTableExists(request -> request.tableName(name));
        if (table.ttlAttribute() != null) {
            dynamoDb.updateTimeToLive(request -> request.tableName(name)
                    .timeToLiveSpecification(ttl -> ttl.attributeName(table.ttlAttribute()).enabled(true)));
        }
        return name;
    }

    /** Stores a secret with a unique name and returns its ARN. */
    public String createSecret(String namePrefix, String value) {
        String name = namePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return secretsManager.createSecret(request -> request.name(name).secretString(value)).arn();
    }

    /** Replaces a secret's value (rotation). */
    public void updateSecret(String secretId, String value) {
        secretsManager.putSecretValue(request -> request.secretId(secretId).secretString(value));
    }
}

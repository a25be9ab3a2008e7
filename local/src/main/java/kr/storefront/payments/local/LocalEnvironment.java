package kr.storefront.payments.local;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kr.storefront.payments.testkit.aws.TemplateTable;
import kr.storefront.payments.testkit.iamport.Channel;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.MerchantCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Everything the functions run against locally: the i'mport sandbox, DynamoDB (embedded DynamoDB
 * Local, or an emulator endpoint), the credentials secret, and the value of every environment
 * variable template.yaml gives a function.
 */
final class LocalEnvironment implements AutoCloseable {

    static final String TABLE = "payments-local";
    static final String SECRET_ID = "local/iamport";
    static final String REBILL_QUEUE = "payments-local-rebill";
    /**
     * Locally a message handed back by a worker comes back after 5 s, not the template's 30 minutes, so a local
     * rebill run ends within a minute even then.
     */
    static final int LOCAL_VISIBILITY_TIMEOUT_SECONDS = 5;
    /** The role whose session signs the admin sample events ({@code assumed-role/catalog-admin/ops}). */
    static final String SAMPLE_ADMIN_ROLE = "arn:aws:iam::123456789012:role/catalog-admin";
    private static final Region REGION = Region.AP_NORTHEAST_2;

    private final IamportSandbox sandbox;
    private final EmbeddedDynamoDb embedded;
    private final EmbeddedSqs embeddedSqs;
    private final URI awsEndpoint;
    private final URI sqsEndpoint;
    private final SqsClient sqs;
    private final String rebillQueueUrl;
    private final URI baseUrl;
    private final LocalStackOptions options;
    private final String secretValue;

    private LocalEnvironment(IamportSandbox sandbox, EmbeddedDynamoDb embedded, EmbeddedSqs embeddedSqs, URI awsEndpoint,
                             URI sqsEndpoint, URI baseUrl, LocalStackOptions options, String secretValue) {
        this.sandbox = sandbox;
        this.embedded = embedded;
        this.embeddedSqs = embeddedSqs;
        this.awsEndpoint = awsEndpoint;
        this.sqsEndpoint = sqsEndpoint;
        this.sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.rebillQueueUrl = createRebillQueue(sqs, SamTemplate.read(options.template()));
        this.baseUrl = baseUrl;
        this.options = options;
        this.secretValue = secretValue;
    }

    /** @param baseUrl where the local API will answer (the functions build redirect and webhook URLs on it) */
    static LocalEnvironment start(LocalStackOptions options, URI baseUrl) {
        IamportSandbox sandbox = IamportSandbox.start();
        String secretValue = secretValue(sandbox);
        EmbeddedDynamoDb embedded = options.awsEndpoint() == null ? EmbeddedDynamoDb.start() : null;
        EmbeddedSqs embeddedSqs = options.awsEndpoint() == null ? EmbeddedSqs.start() : null;
        URI endpoint = embedded != null ? embedded.endpoint() : options.awsEndpoint();
        URI sqsEndpoint = embeddedSqs != null ? embeddedSqs.endpoint() : options.awsEndpoint();
        LocalEnvironment environment = new LocalEnvironment(sandbox, embedded, embeddedSqs, endpoint, sqsEndpoint, baseUrl, options,
                secretValue);
        environment.createTable();
        if (embedded == null) {
            environment.createSecret();
        }
        return environment;
    }

    /**
     * The sandbox's credentials and its channels as a merchant copies them from the console: a window channel
     * per PG ({@code channelKey} in the window) and Toss's API-mode channel (key issuance from card data).
     */
    private static String secretValue(IamportSandbox sandbox) {
        MerchantCredentials credentials = sandbox.credentials();
        StringBuilder windowChannels = new StringBuilder();
        for (Channel channel : sandbox.channels()) {
            if (!channel.key().equals(Channel.TOSS_API_KEY)) {
                windowChannels.append(windowChannels.length() == 0 ? "" : ",")
                        .append('"').append(channel.pg()).append("\":\"").append(channel.key()).append('"');
            }
        }
        return "{\"imp_key\":\"" + credentials.impKey() + "\",\"imp_secret\":\"" + credentials.impSecret()
                + "\",\"imp_code\":\"" + credentials.impCode() + "\",\"channel_keys\":{" + windowChannels
                + "},\"api_channel_keys\":{\"tosspayments\":\"" + Channel.TOSS_API_KEY + "\"}}";
    }

    IamportSandbox sandbox() {
        return sandbox;
    }

    URI awsEndpoint() {
        return awsEndpoint;
    }

    SqsClient sqs() {
        return sqs;
    }

    String rebillQueueUrl() {
        return rebillQueueUrl;
    }

    /** Time the embedded DynamoDB Local spent answering so far; empty when DynamoDB is an emulator elsewhere. */
    Optional<Duration> dynamoDbServerTime() {
        return embedded == null ? Optional.empty() : Optional.of(embedded.busyTime());
    }

    /** The value of each environment variable the template gives this function. */
    Map<String, Object> environmentFor(SamTemplate.FunctionSpec function, SamTemplate template) {
        Map<String, Object> values = new LinkedHashMap<>();
        function.environment().forEach((name, templateValue) -> values.put(name, valueOf(name, templateValue, template)));
        return values;
    }

    /** Properties every function gets beside its environment: where AWS is, and (embedded) the secret. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("aws.region", REGION.id());
        properties.put("aws.access-key-id", "local");
        properties.put("aws.secret-key", "local");
        properties.put("aws.services.dynamodb.endpoint-override", awsEndpoint.toString());
        properties.put("aws.services.secretsmanager.endpoint-override", awsEndpoint.toString());
        properties.put("aws.services.sqs.endpoint-override", sqsEndpoint.toString());
        if (embedded != null) {
            properties.put(LocalSecretSource.SECRET_ID_PROPERTY, SECRET_ID);
            properties.put(LocalSecretSource.SECRET_VALUE_PROPERTY, secretValue);
        }
        return properties;
    }

    /** Micronaut environments the functions run in. */
    List<String> environments() {
        List<String> environments = new ArrayList<>(List.of("function", "lambda", "local"));
        if (embedded != null) {
            environments.add(LocalSecretSource.ENVIRONMENT);
        }
        return environments;
    }

    String describeAws() {
        return embedded != null ? "embedded DynamoDB Local at " + awsEndpoint + ", ElasticMQ (SQS) at " + sqsEndpoint
                + " (secret held in memory)" : "AWS emulator at " + awsEndpoint;
    }

    @Override
    public void close() {
        sandbox.close();
        sqs.close();
        if (embeddedSqs != null) {
            embeddedSqs.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    /**
     * Local values for what the deployed stack computes (table, secret, URLs); the template's own
     * literal or parameter default for the rest. A variable nobody can set stops the start, so a new
     * template variable is never silently missing locally.
     */
    private Object valueOf(String name, String templateValue, SamTemplate template) {
        String local = switch (name) {
            case "STORE_TABLE_NAME" -> TABLE;
            case "IAMPORT_SECRET_ID" -> SECRET_ID;
            case "IAMPORT_BASE_URL" -> sandbox.baseUrl().toString();
            case "PAYMENTS_ENABLED_PGS" -> options.enabledPgs();
            case "CHECKOUT_PUBLIC_BASE_URL" -> baseUrl.toString();
            case "CHECKOUT_SEND_NOTICE_URL" -> "true";
            case "CHECKOUT_TOSS_API_MODE" -> Boolean.toString(options.tossApiMode());
            // the stand-in signs every SigV4 request as user/<access key id> (README's session: --user local:local);
            // the admin sample events in events/ are a session of role/catalog-admin
            case "CHECKOUT_ADMIN_PRINCIPAL_ARNS" -> ApiGatewayFrontend.LOCAL_ADMIN_ARN + "," + SAMPLE_ADMIN_ROLE;
            case "VERIFY_SUCCESS_URL", "VERIFY_FAILURE_URL" -> baseUrl + "/demo/result";
            case "REBILL_QUEUE_URL" -> rebillQueueUrl;
            default -> null;
        };
        if (local != null) {
            return local;
        }
        if (!template.logicalIds().contains(templateValue)) {
            return templateValue; // a literal in the template
        }
        String fallback = template.parameterDefaults().get(templateValue);
        if (fallback == null) {
            throw new IllegalStateException("template.yaml sets " + name + " from " + templateValue
                    + ", which the local stack cannot provide; add a local value in LocalEnvironment");
        }
        return fallback;
    }

    /**
     * The queue the template gives the rebill worker, and its dead-letter queue after the template's
     * {@code maxReceiveCount} (an existing emulator's queue is reused).
     */
    private static String createRebillQueue(SqsClient sqs, SamTemplate template) {
        int maxReceiveCount = template.functions().stream().map(SamTemplate.FunctionSpec::queueSource).filter(Objects::nonNull)
                .findFirst().map(SamTemplate.QueueSource::maxReceiveCount).orElse(5);
        String deadLetterUrl = sqs.createQueue(request -> request.queueName(REBILL_QUEUE + "-dlq")).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(request -> request.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        return sqs.createQueue(request -> request.queueName(REBILL_QUEUE).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(LOCAL_VISIBILITY_TIMEOUT_SECONDS),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}"))).queueUrl();
    }

    private void createTable() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(awsEndpoint).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            TemplateTable table = TemplateTable.fromTemplate(options.template());
            boolean exists = dynamo.listTables().tableNames().contains(TABLE);
            if (!exists) {
                dynamo.createTable(table.createRequest(TABLE));
                dynamo.waiter().waitUntilTableExists(request -> request.tableName(TABLE));
            }
        }
    }

    private void createSecret() {
        try (SecretsManagerClient secrets = SecretsManagerClient.builder().endpointOverride(awsEndpoint).region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            try {
                secrets.createSecret(request -> request.name(SECRET_ID).secretString(secretValue));
            } catch (software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException e) {
                secrets.putSecretValue(request -> request.secretId(SECRET_ID).secretString(secretValue));
            }
        }
    }
}

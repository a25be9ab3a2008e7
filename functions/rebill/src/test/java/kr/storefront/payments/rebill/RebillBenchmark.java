package kr.storefront.payments.rebill;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.iamport.BillingKeyIssue;
import kr.storefront.payments.core.iamport.CardDetails;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.iamport.client.testing.SandboxContext;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.SqsEventSourceMapping;
import kr.storefront.payments.testkit.aws.TemplateTable;
import kr.storefront.payments.testkit.iamport.Channel;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.Payment;
import kr.storefront.payments.testkit.iamport.RecordedRequest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Plans and charges N due subscriptions against the i'mport sandbox with a fixed latency on {@code again}, once per
 * worker count W: the planner queues them (ElasticMQ in this JVM), W worker instances (each {@code concurrency}
 * charges in flight) drain the queue as the event source mapping would. Prints, per W, charges/s against the
 * bound {@code W x concurrency / latency}, DynamoDB calls per charge, double charges and the planner's own time.
 * Not a test: run it with the {@code benchmark} Maven profile (see docs/rebill.md).
 *
 * <p>System properties: {@code benchmark.n} (100000), {@code benchmark.latency} (200ms), {@code benchmark.workers}
 * (1,2,4), {@code benchmark.concurrency} (8), {@code benchmark.runs} (1; more planners start at once on the same
 * table, as a schedule delivered several times would), {@code benchmark.dynamodb} ({@code local}: DynamoDB Local
 * in this JVM; {@code emulator}: the test harness's emulator, moto through its serializing proxy unless
 * TEST_AWS_ENDPOINT or Docker is there; its SQS too).
 */
public final class RebillBenchmark {

    private static final String REGION = "ap-northeast-2";
    private static final CardDetails TEST_CARD = new CardDetails("5361-8100-0000-4021", "2030-12", "900101", "12");
    /** The template's event source mapping: BatchSize 4. */
    private static final int MESSAGES_PER_INVOCATION = 4;

    private RebillBenchmark() {
    }

    /** One row of the table. */
    private record Row(int workers, int charged, Duration wall, double perSecond, double bound, long planningMs,
                       Map<String, Long> dynamoCalls, long doubleCharges, List<RebillReport> planners) {
    }

    public static void main(String[] args) throws Exception {
        // one EMF line per i'mport call and per charge batch would drown the figures (and cost the cores they measure)
        System.setOut(new PrintStream(new WithoutMetricLines(new FileOutputStream(FileDescriptor.out)), true, StandardCharsets.UTF_8));
        int n = Integer.getInteger("benchmark.n", 100_000);
        Duration latency = parseLatency(System.getProperty("benchmark.latency", "200ms"));
        int concurrency = Integer.getInteger("benchmark.concurrency", 8);
        int runs = Integer.getInteger("benchmark.runs", 1);
        List<Integer> workerCounts = Arrays.stream(System.getProperty("benchmark.workers", "1,2,4").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        String backend = System.getProperty("benchmark.dynamodb", "local");

        List<Row> rows = new ArrayList<>();
        String description;
        try (Aws aws = Aws.start(backend)) {
            description = aws.description();
            for (int workers : workerCounts) {
                // a fresh table, queue and sandbox per W, so each row charges the same N from scratch
                try (IamportSandbox sandbox = IamportSandbox.start()) {
                    rows.add(measure(aws, sandbox, n, latency, concurrency, runs, workers));
                }
            }
        }
        System.out.println();
        System.out.println("rebill benchmark");
        System.out.printf("  N                      %d due subscriptions per row, %d planner(s) at once%n", n, runs);
        System.out.printf("  per-charge latency     %d ms (sandbox latency on again)%n", latency.toMillis());
        System.out.printf("  worker instances       %s x %d charges in flight, %d messages of <= 50 per invocation%n", workerCounts,
                concurrency, MESSAGES_PER_INVOCATION);
        System.out.printf("  AWS                    %s%n", description);
        System.out.println();
        System.out.println("  W  charged  wall s  charges/s  bound/s  ratio  DynamoDB calls/charge  double  planner ms");
        for (Row row : rows) {
            long dynamoTotal = row.dynamoCalls().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("  %d  %7d  %6.1f  %9.1f  %7.1f  %5.2f  %21.2f  %6d  %10d%n", row.workers(), row.charged(),
                    row.wall().toMillis() / 1000.0, row.perSecond(), row.bound(), row.perSecond() / row.bound(),
                    (double) dynamoTotal / row.charged(), row.doubleCharges(), row.planningMs());
        }
        System.out.println();
        rows.forEach(row -> System.out.printf("  W=%d DynamoDB calls by operation %s%n", row.workers(), row.dynamoCalls()));
        rows.forEach(row -> row.planners().forEach(report -> System.out.printf("  W=%d planner %s%n", row.workers(), report.summary())));
        // DynamoDB Local leaves a non-daemon job thread running after stop()
        System.exit(0);
    }

    private static Row measure(Aws aws, IamportSandbox sandbox, int n, Duration latency, int concurrency, int runs, int workers)
            throws Exception {
        String table = aws.createTable();
        String queue = aws.createQueue();
        Map<String, Object> properties = new HashMap<>(aws.micronautProperties());
        properties.put("store.table-name", table);
        properties.put("rebill.queue.url", queue);
        properties.put("rebill.concurrency", concurrency);
        properties.put("payments.enabled-pgs", "tosspayments");
        // the sandbox runs in this JVM, on the same two cores as everything else: no spurious timeouts
        properties.put("iamport.connect-timeout", "10s");
        properties.put("iamport.read-timeout", "10s");
        properties.put("iamport.charge-read-timeout", "30s");
        properties.put(DynamoDbCallCounter.PROPERTY, true);
        List<ApplicationContext> contexts = new ArrayList<>();
        for (int i = 0; i < Math.max(runs, workers); i++) {
            contexts.add(SandboxContext.start(sandbox, properties));
        }
        try {
            Instant now = contexts.get(0).getBean(MutableClock.class).instant();
            System.out.printf("W=%d: seeding %d due subscriptions (billing keys at i'mport and in DynamoDB)...%n", workers, n);
            seed(contexts.get(0), n, now);

            sandbox.faults().latency(Endpoint.AGAIN, latency);
            DynamoDbCallCounter.reset();
            long started = System.nanoTime();
            List<RebillReport> planners = contexts.subList(0, runs).stream()
                    .map(context -> CompletableFuture.supplyAsync(() -> new RebillHandler(context).handleRequest(
                            new RebillTrigger(now.toString(), "benchmark", "1"), new RebillTestBed.StubLambdaContext(Duration.ofMinutes(15)))))
                    .toList().stream().map(CompletableFuture::join).toList();
            long planningMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            // each worker instance is its own function instance (context, HTTP and DynamoDB clients), as on Lambda
            AtomicInteger next = new AtomicInteger();
            List<RebillReport> charged = new CopyOnWriteArrayList<>();
            new SqsEventSourceMapping(aws.sqs(), queue, MESSAGES_PER_INVOCATION).drain(workers, () -> {
                RebillWorkerHandler worker = new RebillWorkerHandler(contexts.get(next.getAndIncrement()));
                return batch -> {
                    SqsBatchResponse response = worker.handleRequest(RebillTestBed.asEvent(batch),
                            new RebillTestBed.StubLambdaContext(Duration.ofMinutes(5)));
                    charged.add(worker.lastReport());
                    return response.batchItemFailures().stream().map(SqsBatchResponse.ItemFailure::itemIdentifier).toList();
                };
            }, Duration.ofHours(3));
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            int paid = charged.stream().mapToInt(RebillReport::charged).sum();
            return new Row(workers, paid, wall, paid / (wall.toNanos() / 1e9), workers * concurrency / (latency.toNanos() / 1e9),
                    planningMs, DynamoDbCallCounter.snapshot(), doubleCharges(sandbox), planners);
        } finally {
            contexts.forEach(ApplicationContext::close);
        }
    }

    /** Passes every line on but the EMF ones ({@code {"_aws":...}}). */
    private static final class WithoutMetricLines extends OutputStream {
        private static final byte[] EMF = "{\"_aws\"".getBytes(StandardCharsets.UTF_8);
        private final OutputStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        WithoutMetricLines(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                line.reset();
                if (!Arrays.equals(bytes, 0, Math.min(EMF.length, bytes.length), EMF, 0, EMF.length)) {
                    out.write(bytes);
                    out.flush();
                }
            }
        }
    }

    /** {@code 200ms}, {@code 1s}, ... */
    private static Duration parseLatency(String value) {
        String trimmed = value.trim();
        return trimmed.endsWith("ms") ? Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)))
                : Duration.parse("PT" + trimmed.toUpperCase());
    }

    /** One billing key at i'mport and in our store, and one subscription due now, per customer. */
    private static void seed(ApplicationContext context, int n, Instant now) throws Exception {
        IamportGateway gateway = context.getBean(IamportGateway.class);
        BillingKeyStore billingKeys = context.getBean(BillingKeyStore.class);
        SubscriptionStore subscriptions = context.getBean(SubscriptionStore.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> seeded = IntStream.range(0, n).mapToObj(i -> CompletableFuture.runAsync(() -> {
                String id = String.format("sub_%016d", i);
                String customerId = "member-" + i;
                String customerUid = "cuid_" + i;
                gateway.issueBillingKey(new BillingKeyIssue(customerUid, Channel.TOSS_API_KEY, customerId, TEST_CARD));
                billingKeys.insert(BillingKey.pending(customerId, customerUid, Pg.TOSSPAYMENTS, now)
                        .transitionTo(BillingKeyStatus.ACTIVE, null, now));
                subscriptions.insert(Subscription.start(id, customerId, customerUid, "plan-monthly", "Monthly plan", 8900,
                        BillingInterval.months(1), now, now));
            }, pool)).toList();
            CompletableFuture.allOf(seeded.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    /** Subscription periods i'mport shows paid more than once, over every merchant_uid the runs sent. */
    private static long doubleCharges(IamportSandbox sandbox) {
        Map<String, Long> paidPerPeriod = sandbox.requests().stream()
                .filter(request -> request.endpoint() == Endpoint.AGAIN)
                .map(RecordedRequest::params).map(params -> (String) params.get("merchant_uid")).distinct()
                .collect(Collectors.groupingBy(merchantUid -> merchantUid.substring(0, merchantUid.lastIndexOf("_a")),
                        Collectors.summingLong(merchantUid -> sandbox.paymentsByMerchantUid(merchantUid).stream()
                                .filter(Payment::isPaid).count())));
        return paidPerPeriod.values().stream().filter(paid -> paid > 1).count();
    }

    /** The DynamoDB and SQS the benchmark runs on. */
    private interface Aws extends AutoCloseable {

        URI endpoint();

        URI sqsEndpoint();

        String description();

        DynamoDbClient client();

        SqsClient sqs();

        default String createTable() {
            String name = "rebill-benchmark-" + UUID.randomUUID().toString().substring(0, 8);
            client().createTable(TemplateTable.fromTemplate(TemplateTable.locateTemplate()).createRequest(name));
            client().waiter().waitUntilTableExists(request -> request.tableName(name));
            return name;
        }

        /** A queue as the template's (short visibility timeout: a handed-back message returns within the run). */
        default String createQueue() {
            String name = "rebill-benchmark-" + UUID.randomUUID().toString().substring(0, 8);
            return sqs().createQueue(request -> request.queueName(name)
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30"))).queueUrl();
        }

        default Map<String, String> micronautProperties() {
            return Map.of("aws.region", REGION, "aws.access-key-id", "test", "aws.secret-key", "test",
                    "aws.services.dynamodb.endpoint-override", endpoint().toString(),
                    "aws.services.sqs.endpoint-override", sqsEndpoint().toString());
        }

        @Override
        default void close() throws Exception {
        }

        static Aws start(String backend) throws Exception {
            return "emulator".equals(backend) ? emulator() : InProcess.start();
        }

        private static Aws emulator() {
            AwsEmulator emulator = AwsEmulator.shared();
            return new Aws() {
                @Override public URI endpoint() { return emulator.endpoint(); }
                @Override public URI sqsEndpoint() { return emulator.sqsEndpoint(); }
                @Override public String description() { return "AWS emulator " + emulator.kind() + " at " + emulator.endpoint()
                        + (emulator.kind() == AwsEmulator.Kind.MOTO ? " (DynamoDB requests serialized by the harness)" : ""); }
                @Override public DynamoDbClient client() { return emulator.dynamoDb(); }
                @Override public SqsClient sqs() { return emulator.sqs(); }
            };
        }
    }

    /**
     * DynamoDB Local 2.6.1 ({@code -inMemory}) and ElasticMQ in this JVM, started reflectively so the normal build does
     * not depend on them; only the benchmark profile puts them on the classpath.
     */
    private record InProcess(Object dynamoServer, Object sqsServer, URI endpoint, URI sqsEndpoint, DynamoDbClient client,
                             SqsClient sqs) implements Aws {

        static InProcess start() throws Exception {
            int port = freePort();
            Method create = Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner")
                    .getMethod("createServerFromCommandLineArgs", String[].class);
            Object server = create.invoke(null, (Object) new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
            server.getClass().getMethod("start").invoke(server);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            int sqsPort = freePort();
            Object address = Class.forName("org.elasticmq.NodeAddress").getConstructor(String.class, String.class, int.class, String.class)
                    .newInstance("http", "127.0.0.1", sqsPort, "");
            Object builder = Class.forName("org.elasticmq.rest.sqs.SQSRestServerBuilder").getMethod("withInterface", String.class)
                    .invoke(null, "127.0.0.1");
            builder = builder.getClass().getMethod("withPort", int.class).invoke(builder, sqsPort);
            builder = builder.getClass().getMethod("withServerAddress", address.getClass()).invoke(builder, address);
            Object sqsServer = builder.getClass().getMethod("start").invoke(builder);
            sqsServer.getClass().getMethod("waitUntilStarted").invoke(sqsServer);
            URI sqsEndpoint = URI.create("http://127.0.0.1:" + sqsPort);
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
            SqsClient sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.of(REGION))
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
            return new InProcess(server, sqsServer, endpoint, sqsEndpoint, client, sqs);
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        @Override
        public String description() {
            return "DynamoDB Local 2.6.1 in-memory at " + endpoint + ", ElasticMQ 1.6.14 at " + sqsEndpoint;
        }

        @Override
        public void close() throws Exception {
            client.close();
            sqs.close();
            dynamoServer.getClass().getMethod("stop").invoke(dynamoServer);
            sqsServer.getClass().getMethod("stopAndWait").invoke(sqsServer);
        }
    }
}

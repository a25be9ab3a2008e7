package kr.storefront.payments.rebill;

import io.micronaut.context.ApplicationContext;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Charges N due subscriptions against the i'mport sandbox with a fixed latency on {@code again} and
 * prints throughput against the concurrency bound, DynamoDB calls per charge and double charges.
 * Not a test: run it with the {@code benchmark} Maven profile (see the README).
 *
 * <p>System properties: {@code benchmark.n} (10000), {@code benchmark.latency} (200ms),
 * {@code benchmark.concurrency} (8), {@code benchmark.runs} (1; more runs start at once on the same
 * table, as a schedule delivered several times would), {@code benchmark.dynamodb} ({@code local}:
 * DynamoDB Local in this JVM; {@code emulator}: the test harness's emulator, moto through its
 * serializing proxy unless TEST_AWS_ENDPOINT or Docker is there).
 */
public final class RebillBenchmark {

    private static final String REGION = "ap-northeast-2";
    private static final CardDetails TEST_CARD = new CardDetails("5361-8100-0000-4021", "2030-12", "900101", "12");

    private RebillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("benchmark.n", 10_000);
        Duration latency = parseLatency(System.getProperty("benchmark.latency", "200ms"));
        int concurrency = Integer.getInteger("benchmark.concurrency", 8);
        int runs = Integer.getInteger("benchmark.runs", 1);
        String backend = System.getProperty("benchmark.dynamodb", "local");

        try (Dynamo dynamo = Dynamo.start(backend); IamportSandbox sandbox = IamportSandbox.start()) {
            String table = dynamo.createTable();
            Map<String, Object> properties = new HashMap<>(dynamo.micronautProperties());
            properties.put("store.table-name", table);
            properties.put("rebill.concurrency", concurrency);
            properties.put("payments.enabled-pgs", "tosspayments");
            // the sandbox runs in this JVM, on the same two cores as everything else: no spurious timeouts
            properties.put("iamport.connect-timeout", "10s");
            properties.put("iamport.read-timeout", "10s");
            properties.put("iamport.charge-read-timeout", "30s");
            properties.put(DynamoDbCallCounter.PROPERTY, true);
            List<ApplicationContext> contexts = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                contexts.add(SandboxContext.start(sandbox, properties));
            }
            Instant now = contexts.get(0).getBean(MutableClock.class).instant();
            System.out.printf("seeding %d due subscriptions (billing keys at i'mport and in DynamoDB)...%n", n);
            seed(contexts.get(0), n, now);

            sandbox.faults().latency(Endpoint.AGAIN, latency);
            DynamoDbCallCounter.reset();
            long started = System.nanoTime();
            List<CompletableFuture<RebillReport>> running = contexts.stream()
                    .map(context -> CompletableFuture.supplyAsync(() -> new RebillHandler(context).handleRequest(
                            new RebillTrigger(now.toString(), "benchmark", "1"), new RebillTestBed.StubLambdaContext(Duration.ofMinutes(15)))))
                    .toList();
            List<RebillReport> reports = running.stream().map(CompletableFuture::join).toList();
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            Map<String, Long> dynamoCalls = DynamoDbCallCounter.snapshot();
            contexts.forEach(ApplicationContext::close);

            int charged = reports.stream().mapToInt(RebillReport::charged).sum();
            long dynamoTotal = dynamoCalls.values().stream().mapToLong(Long::longValue).sum();
            double perSecond = charged / (wall.toNanos() / 1e9);
            double bound = concurrency / (latency.toNanos() / 1e9);
            System.out.println();
            System.out.println("rebill benchmark");
            System.out.printf("  N                      %d due subscriptions, %d run(s) at once%n", n, runs);
            System.out.printf("  concurrency            %d per run%n", concurrency);
            System.out.printf("  per-charge latency     %d ms (sandbox latency on again)%n", latency.toMillis());
            System.out.printf("  DynamoDB               %s%n", dynamo.description());
            System.out.printf("  wall time              %.1f s%n", wall.toMillis() / 1000.0);
            System.out.printf("  charged                %d%n", charged);
            System.out.printf("  charges/s              %.1f%n", perSecond);
            System.out.printf("  bound (conc./latency)  %.1f charges/s per run; ratio %.2f%n", bound, perSecond / (bound * runs));
            System.out.printf("  DynamoDB calls         %d in all, %.2f per charge %s%n", dynamoTotal, (double) dynamoTotal / charged, dynamoCalls);
            System.out.printf("  double charges         %d%n", doubleCharges(sandbox));
            reports.forEach(report -> System.out.println("  report                 " + report.summary()));
        }
        // DynamoDB Local leaves a non-daemon job thread running after stop()
        System.exit(0);
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

    /** The DynamoDB the benchmark runs on. */
    private interface Dynamo extends AutoCloseable {

        URI endpoint();

        String description();

        DynamoDbClient client();

        default String createTable() {
            String name = "rebill-benchmark";
            client().createTable(TemplateTable.fromTemplate(TemplateTable.locateTemplate()).createRequest(name));
            client().waiter().waitUntilTableExists(request -> request.tableName(name));
            return name;
        }

        default Map<String, String> micronautProperties() {
            return Map.of("aws.region", REGION, "aws.access-key-id", "test", "aws.secret-key", "test",
                    "aws.services.dynamodb.endpoint-override", endpoint().toString());
        }

        @Override
        default void close() throws Exception {
        }

        static Dynamo start(String backend) throws Exception {
            return "emulator".equals(backend) ? emulator() : DynamoDbLocal.start();
        }

        private static Dynamo emulator() {
            AwsEmulator emulator = AwsEmulator.shared();
            return new Dynamo() {
                @Override public URI endpoint() { return emulator.endpoint(); }
                @Override public String description() { return "AWS emulator " + emulator.kind() + " at " + emulator.endpoint()
                        + (emulator.kind() == AwsEmulator.Kind.MOTO ? " (requests serialized by the harness)" : ""); }
                @Override public DynamoDbClient client() { return emulator.dynamoDb(); }
            };
        }
    }

    /**
     * DynamoDB Local 2.x in this JVM ({@code -inMemory}), started reflectively so the normal build does not
     * depend on it; only the benchmark profile puts it on the classpath.
     */
    private record DynamoDbLocal(Object server, URI endpoint, DynamoDbClient client) implements Dynamo {

        static DynamoDbLocal start() throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Method create = Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner")
                    .getMethod("createServerFromCommandLineArgs", String[].class);
            Object server = create.invoke(null, (Object) new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
            server.getClass().getMethod("start").invoke(server);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            DynamoDbClient client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            return new DynamoDbLocal(server, endpoint, client);
        }

        @Override
        public String description() {
            return "DynamoDB Local 2.6.1 in-memory at " + endpoint;
        }

        @Override
        public void close() throws Exception {
            client.close();
            server.getClass().getMethod("stop").invoke(server);
        }
    }
}

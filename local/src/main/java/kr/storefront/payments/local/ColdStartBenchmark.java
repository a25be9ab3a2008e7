package kr.storefront.payments.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.storefront.payments.local.floor.FloorHandler;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;

/**
 * Cold start and footprint of each function ({@code ./local-stack coldstart}, README "Performance").
 * For each function and a representative event it starts a fresh JVM the way Lambda's java21 runtime
 * does, on the bundle {@code sam build} packages (built by the Makefile's own targets), against the
 * i'mport sandbox and the AWS emulator; invokes it once (cold), then {@code warm} more times; and
 * prints init, first invocation, warm p50/p99, peak RSS and bundle size, each also as a ratio to
 * a trivial handler on the same runtime (the floor). Every figure is the median of {@code runs}.
 * Not a test: it asserts only that each invocation answered as the function should.
 */
final class ColdStartBenchmark {

    static final String FLOOR = "Floor";
    /** Orders and confirmations run in-process to warm the stand-ins before anything is measured. */
    private static final int STAND_IN_WARMUP = 300;

    /** The benchmark's options. */
    record Options(int runs, int warm, List<String> functions, List<FunctionProcess.Initialization> initializations,
                   boolean build, boolean cds, boolean dynamoDbOnEmulator, List<String> jvmOptions) {

        static Options defaults() {
            return new Options(5, 1000, List.of("CheckoutFunction", "VerifyFunction", "RebillFunction"),
                    List.of(FunctionProcess.Initialization.ON_DEMAND, FunctionProcess.Initialization.SNAP_START), true, false, false,
                    List.of());
        }
    }

    /** One measured start: init, first invocation, warm latencies, memory. */
    private record Sample(double initMs, double firstMs, double warmP50Ms, double warmP99Ms, double withoutIamportP50Ms,
                          double withoutIamportP99Ms, double ownP50Ms, double ownP99Ms, double rssMib,
                          double uninterruptedWithoutIamportP99Ms, double interruptedShare) { }

    /** What the function gets for its cold event and each warm one. */
    private interface Events {
        /** Called before each start with the number of events it will need. */
        default void prepare(int count) throws IOException {
        }

        String event(int index) throws IOException;

        /** Throws when the function's answer is not the one this event should get. */
        void check(String response) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Options options;
    private final Path root;
    private final Path work;
    private final PrintStream out;
    private final Map<String, String> awsOverrides = new LinkedHashMap<>();
    private final Map<String, String> environmentOverrides = new LinkedHashMap<>();
    private final KernelReclaimMonitor reclaim = KernelReclaimMonitor.find();
    private String awsSummary = "";

    private ColdStartBenchmark(Options options, Path root, PrintStream out) {
        this.options = options;
        this.root = root;
        this.work = root.resolve("local/target/coldstart");
        this.out = out;
    }

    static void run(Options options, Path template, PrintStream out) throws Exception {
        // The JDK's HTTP server (runtime API stub, sandbox, API stand-in) writes headers and body apart; with
        // Nagle's algorithm on, each exchange with a keep-alive client waits out a 40 ms delayed ACK. Must be
        // set before the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        new ColdStartBenchmark(options, template.toAbsolutePath().getParent(), out).run();
    }

    private void run() throws Exception {
        Path runtimeLib = root.resolve("local/target/lambda-runtime");
        if (!Files.isDirectory(runtimeLib)) {
            throw new IllegalStateException(runtimeLib + " is missing: build the local module first (./local-stack does)");
        }
        Map<String, Path> bundles = new LinkedHashMap<>();
        bundles.put(FLOOR, floorBundle());
        for (String function : options.functions()) {
            bundles.put(function, options.build() ? buildBundle(function) : work.resolve("bundles").resolve(function));
        }
        AwsEmulator emulator = AwsEmulator.shared();
        LocalStackOptions stackOptions = LocalStackOptions.defaults(root.resolve("template.yaml")).withPort(0)
                .withEnabledPgs("tosspayments,kakaopay,payco,chai,uplus");
        if (options.dynamoDbOnEmulator()) {
            stackOptions = stackOptions.withAwsEndpoint(emulator.endpoint());
        }
        PrintStream stdout = System.out;
        System.setOut(System.err); // the stack's chatter stays off the figures
        try (LocalStack stack = LocalStack.start(stackOptions)) {
            // the functions read their secret from Secrets Manager, as deployed: the emulator's
            String secretId = secretOnEmulator(stack, emulator);
            awsOverrides.put("aws.services.secretsmanager.endpoint-override", emulator.endpoint().toString());
            environmentOverrides.put("IAMPORT_SECRET_ID", secretId);
            awsSummary = "DynamoDB: " + stack.environment().describeAws().replaceAll(" \\(.*\\)$", "") + "; Secrets Manager: "
                    + emulator.kind() + " at " + emulator.endpoint();
            stack.sandbox().faults().dropWebhooks(Integer.MAX_VALUE); // verify's child process must do the confirming
            warmStandIns(stack);
            Map<String, Map<FunctionProcess.Initialization, List<Sample>>> samples = new LinkedHashMap<>();
            Map<String, List<String>> startFlags = new LinkedHashMap<>();
            for (String function : bundles.keySet()) {
                List<String> flags = new ArrayList<>(options.cds() ? trainCds(stack, function, bundles.get(function), runtimeLib) : List.of());
                if (!FLOOR.equals(function)) {
                    flags.addAll(options.jvmOptions());
                }
                startFlags.put(function, flags);
            }
            for (String function : options.functions()) {
                warmStandInsOverTheWire(stack, function, bundles.get(function), runtimeLib, startFlags.get(function));
            }
            for (int run = 1; run <= options.runs(); run++) {
                for (String function : bundles.keySet()) {
                    for (FunctionProcess.Initialization initialization : options.initializations()) {
                        Sample sample = measure(stack, function, bundles.get(function), runtimeLib, initialization,
                                startFlags.get(function), "run" + run);
                        samples.computeIfAbsent(function, f -> new LinkedHashMap<>())
                                .computeIfAbsent(initialization, i -> new ArrayList<>()).add(sample);
                        System.err.printf(Locale.ROOT, "run %d %s %s: init %.0f ms, first %.0f ms, warm p50 %.1f p99 %.1f ms, %.0f MiB%n",
                                run, function, initialization.value, sample.initMs(), sample.firstMs(), sample.warmP50Ms(),
                                sample.warmP99Ms(), sample.rssMib());
                    }
                }
            }
            System.setOut(stdout);
            print(samples, bundles);
        } finally {
            System.setOut(stdout);
        }
    }

    private Sample measure(LocalStack stack, String function, Path bundle, Path runtimeLib,
                           FunctionProcess.Initialization initialization, List<String> extraFlags, String label) throws Exception {
        Events events = eventsFor(stack, function);
        events.prepare(1 + options.warm());
        // the stand-ins' garbage from earlier runs is collected now, not as a pause inside a measured call
        System.gc();
        String startName = function + "-" + initialization.value + "-" + label;
        Path log = work.resolve("logs").resolve(startName + ".log");
        try (FunctionProcess process = start(stack, function, bundle, runtimeLib, initialization, extraFlags, log)) {
            LambdaRuntimeApiStub.Reply first = process.invoke(events.event(0));
            checkReply(function, first, events, log);
            double[] warm = new double[options.warm()];
            double[] withoutIamport = new double[options.warm()];
            double[] own = new double[options.warm()];
            List<Double> uninterrupted = new ArrayList<>();
            StringBuilder csv = new StringBuilder("invocation,started_at,warm_ms,iamport_server_ms,dynamodb_server_ms,own_ms,kdamond_ms\n");
            for (int i = 0; i < warm.length; i++) {
                String event = events.event(i + 1);
                Instant startedAt = Instant.now();
                Duration iamportBefore = stack.sandbox().serverTime();
                Optional<Duration> dynamoDbBefore = stack.environment().dynamoDbServerTime();
                long reclaimBefore = reclaim.cpuNanos();
                LambdaRuntimeApiStub.Reply reply = process.invoke(event);
                double reclaimMs = (reclaim.cpuNanos() - reclaimBefore) / 1e6;
                Duration iamport = stack.sandbox().serverTime().minus(iamportBefore);
                Optional<Duration> dynamoDb = stack.environment().dynamoDbServerTime().map(after -> after.minus(dynamoDbBefore.get()));
                checkReply(function, reply, events, log);
                warm[i] = millis(reply.latency());
                withoutIamport[i] = millis(reply.latency().minus(iamport));
                own[i] = dynamoDb.isPresent() ? withoutIamport[i] - millis(dynamoDb.get()) : Double.NaN;
                if (reclaimMs == 0) {
                    uninterrupted.add(withoutIamport[i]);
                }
                csv.append(String.format(Locale.ROOT, "%d,%s,%.3f,%.3f,%.3f,%.3f,%.3f%n", i + 1, startedAt, warm[i], millis(iamport),
                        dynamoDb.map(ColdStartBenchmark::millis).orElse(Double.NaN), own[i], reclaimMs));
            }
            Files.writeString(log.resolveSibling(startName + "-invocations.csv"), csv);
            Arrays.sort(warm);
            Arrays.sort(withoutIamport);
            Arrays.sort(own);
            return new Sample(millis(process.init()), millis(first.latency()),
                    percentile(warm, 50), percentile(warm, 99), percentile(withoutIamport, 50), percentile(withoutIamport, 99),
                    percentile(own, 50), percentile(own, 99), process.peakRssMib(),
                    percentile(uninterrupted.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 99),
                    1 - (double) uninterrupted.size() / warm.length);
        }
    }

    private FunctionProcess start(LocalStack stack, String function, Path bundle, Path runtimeLib,
                                  FunctionProcess.Initialization initialization, List<String> extraFlags, Path log) throws Exception {
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        String handler = FloorHandler.class.getName();
        if (!FLOOR.equals(function)) {
            SamTemplate.FunctionSpec spec = stack.template().functions().stream().filter(f -> f.logicalId().equals(function))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no function " + function + " in template.yaml"));
            handler = spec.handler();
            stack.environment().environmentFor(spec, stack.template()).forEach((name, value) -> environment.put(name, String.valueOf(value)));
            stack.environment().properties().forEach((name, value) -> {
                if (!name.startsWith("local.")) { // the in-process stand-in secret; these processes use Secrets Manager
                    properties.put(name, String.valueOf(value));
                }
            });
            environment.putAll(environmentOverrides);
            properties.putAll(awsOverrides);
        }
        return FunctionProcess.start(function, handler, runtimeLib, bundle, initialization, environment, properties, extraFlags, log);
    }

    /**
     * DynamoDB Local and the sandbox run in this JVM and start cold, where the real services are always
     * warm: their own first requests took up to 100 ms each and would be billed to the first function
     * measured. So the functions run in-process first, until the stand-ins' hot paths are compiled.
     */
    private void warmStandIns(LocalStack stack) throws IOException {
        long started = System.nanoTime();
        Events confirmations = verifyConfirmations(stack, root.resolve("events")); // each creates an order through checkout
        confirmations.prepare(STAND_IN_WARMUP);
        for (int i = 0; i < STAND_IN_WARMUP; i++) {
            confirmations.check(stack.invoke("VerifyFunction", confirmations.event(i)).output());
        }
        Events rebills = rebillRuns(root.resolve("events"));
        for (int i = 0; i < STAND_IN_WARMUP / 10; i++) {
            rebills.check(stack.invoke("RebillFunction", rebills.event(i)).output());
        }
        System.err.printf(Locale.ROOT, "stand-ins warmed with %d orders and confirmations in %d ms%n", STAND_IN_WARMUP,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The in-process warm-up reaches the stand-ins' request handling, but not all the code that serves
     * a function in its own process (the runtime API stub, the connection handling of another HTTP
     * client): measured, the stand-ins' JVM still compiled about 100 methods a second, some with C2,
     * through the first measured start. So one unmeasured process of each function serves a batch of
     * its events first.
     */
    private void warmStandInsOverTheWire(LocalStack stack, String function, Path bundle, Path runtimeLib,
                                         List<String> flags) throws Exception {
        long started = System.nanoTime();
        int invocations = function.equals("RebillFunction") ? STAND_IN_WARMUP / 10 : STAND_IN_WARMUP * 2;
        Events events = eventsFor(stack, function);
        events.prepare(invocations);
        Path log = work.resolve("logs").resolve(function + "-stand-in-warmup.log");
        try (FunctionProcess process = start(stack, function, bundle, runtimeLib, FunctionProcess.Initialization.ON_DEMAND,
                flags, log)) {
            for (int i = 0; i < invocations; i++) {
                checkReply(function, process.invoke(events.event(i)), events, log);
            }
        }
        System.err.printf(Locale.ROOT, "stand-ins warmed with %d %s invocations over the wire in %d ms%n", invocations, function,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * A dynamic AppCDS archive of the classes one start and a few invocations load, written when that
     * JVM exits; the measured starts then map it (local figures only: see README on Lambda).
     */
    private List<String> trainCds(LocalStack stack, String function, Path bundle, Path runtimeLib) throws Exception {
        Path archive = work.resolve("cds").resolve(function + ".jsa");
        Files.createDirectories(archive.getParent());
        Files.deleteIfExists(archive);
        Events events = eventsFor(stack, function);
        events.prepare(4);
        Path log = work.resolve("logs").resolve(function + "-cds-training.log");
        try (FunctionProcess process = start(stack, function, bundle, runtimeLib, FunctionProcess.Initialization.ON_DEMAND,
                List.of("-XX:ArchiveClassesAtExit=" + archive), log)) {
            for (int i = 0; i < 4; i++) {
                checkReply(function, process.invoke(events.event(i)), events, log);
            }
        }
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the JVM wrote no CDS archive for " + function + "; see " + log);
        }
        return List.of("-XX:SharedArchiveFile=" + archive);
    }

    /** The sandbox's credentials as the deployed secret holds them, created on the emulator. */
    private static String secretOnEmulator(LocalStack stack, AwsEmulator emulator) {
        var credentials = stack.sandbox().credentials();
        return emulator.createSecret("coldstart-iamport", "{\"imp_key\":\"" + credentials.impKey() + "\",\"imp_secret\":\""
                + credentials.impSecret() + "\",\"imp_code\":\"" + credentials.impCode() + "\"}");
    }

    private static void checkReply(String function, LambdaRuntimeApiStub.Reply reply, Events events, Path log) throws IOException {
        if (reply.error()) {
            throw new IllegalStateException(function + " failed an invocation: " + reply.body() + " (log: " + log + ")");
        }
        events.check(reply.body());
    }

    // ---------------------------------------------------------------------------------------------
    // Representative events

    private Events eventsFor(LocalStack stack, String function) throws IOException {
        Path eventsDir = root.resolve("events");
        return switch (function) {
            case FLOOR -> new Events() {
                private final String event = Files.readString(eventsDir.resolve("checkout-orders-create.json"));

                @Override
                public String event(int index) {
                    return event;
                }

                @Override
                public void check(String response) throws IOException {
                    expectStatus(response, 200);
                }
            };
            case "CheckoutFunction" -> checkoutOrders(eventsDir);
            case "VerifyFunction" -> verifyConfirmations(stack, eventsDir);
            case "RebillFunction" -> rebillRuns(eventsDir);
            default -> throw new IllegalArgumentException("no representative event for " + function);
        };
    }

    /** A new order each time (a fresh idempotency key): catalog lookup, order write, {@code /payments/prepare}. */
    private static Events checkoutOrders(Path eventsDir) throws IOException {
        ObjectNode template = (ObjectNode) JSON.readTree(eventsDir.resolve("checkout-orders-create.json").toFile());
        String run = UUID.randomUUID().toString().substring(0, 8);
        return new Events() {
            @Override
            public String event(int index) throws IOException {
                ((ObjectNode) template.path("headers")).put("idempotency-key", "coldstart-" + run + "-" + index);
                return JSON.writeValueAsString(template);
            }

            @Override
            public void check(String response) throws IOException {
                JsonNode body = expectStatus(response, 200);
                if (body.path("params").path("amount").asLong() <= 0) {
                    throw new IllegalStateException("checkout answered without an amount: " + response);
                }
            }
        };
    }

    /** The PC callback for a different paid payment each time: i'mport lookup, comparison, PAID transition. */
    private static Events verifyConfirmations(LocalStack stack, Path eventsDir) throws IOException {
        ObjectNode template = (ObjectNode) JSON.readTree(eventsDir.resolve("verify-confirm.json").toFile());
        ObjectNode order = (ObjectNode) JSON.readTree(eventsDir.resolve("checkout-orders-create.json").toFile());
        List<WindowResult> payments = new ArrayList<>();
        return new Events() {
            @Override
            public void prepare(int count) throws IOException {
                payments.clear();
                String run = UUID.randomUUID().toString().substring(0, 8);
                for (int i = 0; i < count; i++) {
                    ((ObjectNode) order.path("headers")).put("idempotency-key", "coldstart-verify-" + run + "-" + i);
                    LocalStack.Invocation created = stack.invoke("CheckoutFunction", JSON.writeValueAsString(order));
                    JsonNode body = JSON.readTree(JSON.readTree(created.output()).path("body").asText());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> params = JSON.convertValue(body.path("params"), Map.class);
                    payments.add(stack.sandbox().completeWindow(WindowRequest.builder(params).device(WindowRequest.Device.MOBILE)
                            .outcome(WindowOutcome.pay()).build()));
                }
            }

            @Override
            public String event(int index) throws IOException {
                WindowResult payment = payments.get(index);
                template.put("body", JSON.writeValueAsString(Map.of("imp_uid", payment.impUid(), "merchant_uid", payment.merchantUid())));
                return JSON.writeValueAsString(template);
            }

            @Override
            public void check(String response) throws IOException {
                JsonNode body = expectStatus(response, 200);
                if (!"paid".equals(body.path("status").asText())) {
                    throw new IllegalStateException("verify did not confirm the payment as paid: " + response);
                }
            }
        };
    }

    /** The schedule's input as Scheduler delivers it: reconciliation, due query, order sweep. */
    private static Events rebillRuns(Path eventsDir) throws IOException {
        ObjectNode template = (ObjectNode) JSON.readTree(eventsDir.resolve("rebill-scheduled.json").toFile());
        return new Events() {
            @Override
            public String event(int index) throws IOException {
                template.put("scheduled_time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                template.put("execution_id", UUID.randomUUID().toString());
                return JSON.writeValueAsString(template);
            }

            @Override
            public void check(String response) throws IOException {
                JsonNode report = JSON.readTree(response);
                if (!report.path("due").isNumber() || report.path("errors").asInt(-1) != 0) {
                    throw new IllegalStateException("rebill did not report a clean run: " + response);
                }
            }
        };
    }

    private static JsonNode expectStatus(String response, int status) throws IOException {
        JsonNode reply = JSON.readTree(response);
        if (reply.path("statusCode").asInt() != status) {
            throw new IllegalStateException("expected HTTP " + status + ", got: " + response);
        }
        String body = reply.path("body").asText("");
        return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
    }

    // ---------------------------------------------------------------------------------------------
    // Bundles

    /** The function's deployment bundle, laid out by the Makefile target {@code sam build} runs. */
    private Path buildBundle(String function) throws IOException, InterruptedException {
        Path bundle = work.resolve("bundles").resolve(function);
        deleteTree(bundle);
        Files.createDirectories(bundle);
        Path log = work.resolve("logs").resolve("make-" + function + ".log");
        Files.createDirectories(log.getParent());
        System.err.println("building " + function + " with `make build-" + function + "` (as sam build does), log: " + log);
        Process make = new ProcessBuilder("make", "--no-print-directory", "build-" + function, "ARTIFACTS_DIR=" + bundle)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (make.waitFor() != 0) {
            throw new IllegalStateException("make build-" + function + " failed; see " + log);
        }
        return bundle;
    }

    /** The floor's bundle: the trivial handler's class file alone. */
    private Path floorBundle() throws IOException {
        Path bundle = work.resolve("bundles").resolve(FLOOR);
        String classFile = FloorHandler.class.getName().replace('.', '/') + ".class";
        Path target = bundle.resolve(classFile);
        Files.createDirectories(target.getParent());
        try (var in = FloorHandler.class.getClassLoader().getResourceAsStream(classFile)) {
            if (in == null) {
                throw new IllegalStateException("cannot find " + classFile);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return bundle;
    }

    /** Bytes of every file in the bundle, and of the zip {@code sam deploy} would upload. */
    private static double[] bundleMib(Path bundle) throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(bundle)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(ColdStartBenchmark::size).sum();
        }
        CountingStream counter = new CountingStream();
        try (ZipOutputStream zip = new ZipOutputStream(counter); Stream<Path> files = Files.walk(bundle)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(bundle.relativize(file).toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return new double[] {bytes / 1048576.0, counter.count / 1048576.0};
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Figures

    private void print(Map<String, Map<FunctionProcess.Initialization, List<Sample>>> samples, Map<String, Path> bundles)
            throws IOException {
        out.println();
        out.printf(Locale.ROOT, "JVM %s (%s), %d cores; flags as Lambda's java21 runtime%s; median of %d runs, %d warm invocations per run%n",
                System.getProperty("java.vm.version"), System.getProperty("java.vm.vendor"),
                Runtime.getRuntime().availableProcessors(), options.cds() ? " + AppCDS archive per function" : "", options.runs(),
                options.warm());
        out.println(awsSummary + "; i'mport: the sandbox, in the benchmark's JVM");
        out.println("init = JVM start -> handler constructed (SnapStart: -> restored, priming included); first = the cold event's");
        out.println("invocation; cold = init + first; (xN) = ratio to the floor, a trivial handler on the same runtime");
        for (FunctionProcess.Initialization initialization : options.initializations()) {
            Sample floor = median(samples.get(FLOOR).get(initialization));
            out.println();
            out.printf(Locale.ROOT, "%s%n", initialization == FunctionProcess.Initialization.ON_DEMAND
                    ? "on demand (plain JVM start)" : "SnapStart flow (init + beforeCheckpoint priming, afterRestore, then the event; "
                    + "the snapshot restore itself is not modelled)");
            out.printf(Locale.ROOT, "%-17s %12s %18s %18s %18s %9s %9s %15s %15s %16s%n", "function", "bundle MiB", "init ms", "first ms",
                    "cold ms", "warm p50", "warm p99", "-i'mport p50/99", "own p50/99", "peak RSS MiB");
            for (String function : samples.keySet()) {
                Sample sample = median(samples.get(function).get(initialization));
                double[] size = bundleMib(bundles.get(function));
                out.printf(Locale.ROOT, "%-17s %5.1f (%4.1fz) %18s %18s %18s %9.1f %9.1f %7.1f/%7.1f %7.1f/%7.1f %16s%n", function, size[0],
                        size[1], ratio(sample.initMs(), floor.initMs()), ratio(sample.firstMs(), floor.firstMs()),
                        ratio(sample.initMs() + sample.firstMs(), floor.initMs() + floor.firstMs()), sample.warmP50Ms(), sample.warmP99Ms(),
                        sample.withoutIamportP50Ms(), sample.withoutIamportP99Ms(), sample.ownP50Ms(), sample.ownP99Ms(),
                        ratio(sample.rssMib(), floor.rssMib()));
            }
        }
        out.println();
        out.println("(z) = size of the zip sam deploy uploads; warm ms include DynamoDB's time on this machine; -i'mport = warm minus");
        out.println("the time the i'mport sandbox spent answering that invocation's calls; own = -i'mport minus the time DynamoDB Local");
        out.println("spent answering them (NaN with --dynamodb emulator): the function's share, with the network between them");
        if (reclaim.present()) {
            out.println();
            out.println("This machine runs the kernel's DAMON memory reclaim (kdamond), which takes a CPU for tens of ms at a time;");
            out.println("warm invocations it ran during, and -i'mport p99 over the others (kdamond_ms in the per-invocation CSV):");
            for (FunctionProcess.Initialization initialization : options.initializations()) {
                for (String function : samples.keySet()) {
                    Sample sample = median(samples.get(function).get(initialization));
                    out.printf(Locale.ROOT, "  %-17s %-10s %4.1f%% interrupted; -i'mport p99 of the rest %5.1f ms%n", function,
                            initialization.value, 100 * sample.interruptedShare(), sample.uninterruptedWithoutIamportP99Ms());
                }
            }
        }
    }

    private static String ratio(double value, double floor) {
        return String.format(Locale.ROOT, "%7.0f (x%5.1f)", value, value / floor);
    }

    private static Sample median(List<Sample> samples) {
        return new Sample(median(samples, Sample::initMs), median(samples, Sample::firstMs), median(samples, Sample::warmP50Ms),
                median(samples, Sample::warmP99Ms), median(samples, Sample::withoutIamportP50Ms),
                median(samples, Sample::withoutIamportP99Ms), median(samples, Sample::ownP50Ms), median(samples, Sample::ownP99Ms),
                median(samples, Sample::rssMib), median(samples, Sample::uninterruptedWithoutIamportP99Ms),
                median(samples, Sample::interruptedShare));
    }

    private static double median(List<Sample> samples, Function<Sample, Double> figure) {
        double[] values = samples.stream().mapToDouble(figure::apply).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double percentile(double[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }
}

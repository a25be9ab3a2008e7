package kr.storefront.payments.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import kr.storefront.payments.bench.Payloads.PaymentEnvelope;
import kr.storefront.payments.bench.Payloads.PrepareRequest;

/**
 * One variant's measurement, in a JVM of its own: context start, the first call (cold), then
 * {@value #WARMUP} unmeasured and {@value #MEASURED} measured calls on one thread, alternately a
 * lookup and a prepare, each answer decoded. Prints one {@code RESULT} line for {@link RunAll}.
 */
public final class Bench {

    /** The two i'mport calls, whichever transport makes them. Each returns a 200 answer's body. */
    public interface Calls {
        byte[] lookup(String impUid) throws Exception;

        byte[] prepare(PrepareRequest body) throws Exception;
    }

    static final int WARMUP = Integer.getInteger("bench.warmup", 5_000);
    static final int MEASURED = Integer.getInteger("bench.calls", 5_000);
    private static final PrepareRequest PREPARE = new PrepareRequest("ord_1", 1000);

    private Bench() {
    }

    /** args[0]: the server's base URL, e.g. http://127.0.0.1:8080 */
    public static void run(String variant, String[] args, BiFunction<ApplicationContext, String, Calls> transport) {
        try {
            measure(variant, args, transport);
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(1); // a client's non-daemon threads must not keep a failed run alive
        }
    }

    private static void measure(String variant, String[] args, BiFunction<ApplicationContext, String, Calls> transport) throws Exception {
        String url = args[0];
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .properties(Map.of("api.url", url))
                .start();
        JsonMapper json = context.getBean(JsonMapper.class);
        Calls calls = transport.apply(context, url);

        long started = System.nanoTime();
        call(calls, json, 0);
        long firstCallNanos = System.nanoTime() - started;
        long firstAnswerAt = System.currentTimeMillis();
        long sinceJvmStart = firstAnswerAt - ManagementFactory.getRuntimeMXBean().getStartTime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();

        for (int i = 1; i <= WARMUP; i++) {
            call(calls, json, i);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] nanos = new long[MEASURED];
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            long t = System.nanoTime();
            call(calls, json, i);
            nanos[i] = System.nanoTime() - t;
        }
        long wall = System.nanoTime() - wallBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Arrays.sort(nanos);

        System.out.println(String.format(Locale.ROOT,
                "RESULT variant=%s first_response_ms=%d first_call_ms=%.1f classes=%d p50_us=%.0f p99_us=%.0f"
                        + " cpu_us_per_call=%.0f wall_us_per_call=%.0f threads=%d peak_threads=%d started_threads=%d",
                variant, sinceJvmStart, firstCallNanos / 1e6, classes,
                nanos[MEASURED / 2] / 1e3, nanos[(int) Math.ceil(MEASURED * 0.99) - 1] / 1e3,
                cpu / 1e3 / MEASURED, wall / 1e3 / MEASURED,
                threads.getThreadCount(), threads.getPeakThreadCount(), threads.getTotalStartedThreadCount()));
        if (Boolean.getBoolean("bench.threads")) {
            // live threads by name, digits folded: what each client keeps running
            System.out.println("THREADS " + new java.util.TreeMap<>(Thread.getAllStackTraces().keySet().stream()
                    .collect(java.util.stream.Collectors.groupingBy(t -> t.getName().replaceAll("[0-9]+", "N"),
                            java.util.stream.Collectors.counting()))));
        }
        System.out.flush();
        // exit without closing: a client's shutdown is not what we measure, and non-daemon threads must not hang us
        System.exit(0);
    }

    private static void call(Calls calls, JsonMapper json, int i) throws Exception {
        byte[] body = (i & 1) == 0 ? calls.lookup("imp_1") : calls.prepare(PREPARE);
        PaymentEnvelope envelope = json.readValue(body, PaymentEnvelope.class);
        if (envelope.code() != 0 || envelope.response() == null || !"paid".equals(envelope.response().status())) {
            throw new IllegalStateException("unexpected answer " + envelope);
        }
    }

    /** Fails the run on anything but 200, so a variant cannot look fast by failing. */
    public static byte[] ok(int status, byte[] body) {
        if (status != 200) {
            throw new IllegalStateException("HTTP " + status);
        }
        return body;
    }
}

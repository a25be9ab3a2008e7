package kr.storefront.payments.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs every variant in JVMs of its own against one server JVM and prints the medians as a Markdown
 * table, then what each variant adds to a bundle. Run from benchmarks/http-clients after
 * {@code mvn -B -ntp package}: {@code java -cp common/target/classes kr.storefront.payments.bench.RunAll [runs]}.
 * Plain JDK code: needs none of the modules' dependencies.
 */
public final class RunAll {

    private static final String DECLARATIVE = "kr.storefront.payments.bench.declarative.DeclarativeMain";

    /** name, module, main class, extra JVM flags (space-separated, may be empty), runs per flag set (0: the default). */
    private record Variant(String name, String module, String main, String flags, int runs) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("apache", "apache", "kr.storefront.payments.bench.apache.ApacheMain", "", 0),
            // the same without IamportHttp's probe of a connection idle 1 ms or more (HttpClient's default: 2 s)
            new Variant("apache-noprobe", "apache", "kr.storefront.payments.bench.apache.ApacheMain",
                    "-Dbench.apache.validateAfterInactivity=2000", 0),
            new Variant("jdk", "jdk", DECLARATIVE, "", 0),
            // the same, with the common pool CompletableFuture hands *Async work to when it has a parallelism > 1
            new Variant("jdk-fjp2", "jdk", DECLARATIVE, "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", 0),
            // a new java.net.http.HttpClient per call: slow, so measured once per flag set
            new Variant("jdk-sync", "jdk", DECLARATIVE, "", 1),
            new Variant("netty", "netty", DECLARATIVE, "", 0),
            new Variant("netty-sync", "netty", DECLARATIVE, "", 0));

    /** Our functions' test JVMs' flags, and the JVM's defaults. */
    private static final Map<String, String> FLAG_SETS = new LinkedHashMap<>();

    static {
        FLAG_SETS.put("C1, SerialGC", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        FLAG_SETS.put("default", "");
    }

    private static final String[] COLUMNS = {"first_response_ms", "first_call_ms", "classes", "p50_us", "p99_us",
            "cpu_us_per_call", "wall_us_per_call", "threads", "started_threads"};

    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", classpath("common"), Server.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String url = "http://127.0.0.1:" + serverOut.readLine().substring("PORT ".length());
        StringBuilder report = new StringBuilder();
        try {
            System.err.println("server " + url + " (pid " + server.pid() + "); warming it with one unrecorded apache run");
            runOnce(java, VARIANTS.get(0), "", url);

            report.append("| variant | JVM flags | runs | JVM start → 1st response ms | 1st call ms | classes loaded | p50 µs | p99 µs"
                    + " | CPU µs/call (all threads) | wall µs/call | live threads | threads started |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (Map.Entry<String, String> flagSet : FLAG_SETS.entrySet()) {
                Map<Variant, List<Map<String, Double>>> results = new LinkedHashMap<>();
                int most = VARIANTS.stream().mapToInt(v -> v.runs() == 0 ? runs : v.runs()).max().orElse(runs);
                for (int run = 1; run <= most; run++) { // round robin, so drift spreads over all variants
                    for (Variant variant : VARIANTS) {
                        if (run <= (variant.runs() == 0 ? runs : variant.runs())) {
                            System.err.println("run " + run + " " + variant.name() + " [" + flagSet.getKey() + "]");
                            results.computeIfAbsent(variant, v -> new ArrayList<>())
                                    .add(runOnce(java, variant, flagSet.getValue(), url));
                        }
                    }
                }
                results.forEach((variant, measured) -> {
                    report.append("| ").append(variant.name()).append(" | ").append(flagSet.getKey())
                            .append(" | ").append(measured.size());
                    for (String column : COLUMNS) {
                        double[] values = measured.stream().mapToDouble(m -> m.get(column)).sorted().toArray();
                        double median = values[values.length / 2];
                        report.append(" | ").append(column.equals("first_call_ms")
                                ? String.format(Locale.ROOT, "%.1f", median) : String.format(Locale.ROOT, "%.0f", median));
                    }
                    report.append(" |\n");
                });
            }
        } finally {
            server.getOutputStream().close(); // the server stops when its stdin closes
            server.waitFor();
        }
        report.append('\n').append(jars());
        System.out.println(report);
        Files.writeString(Path.of("target", "results.md"), report);
    }

    private static Map<String, Double> runOnce(String java, Variant variant, String flags, String url)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(words(flags));
        command.addAll(words(variant.flags()));
        for (String property : List.of("bench.warmup", "bench.calls", "bench.threads")) { // passed on, for a quick try
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", classpath(variant.module()), variant.main()));
        if (variant.main().equals(DECLARATIVE)) {
            command.add(variant.name());
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line;
                } else {
                    System.err.println("  " + line);
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException(variant.name() + " failed (exit " + process.exitValue() + "): " + command);
        }
        System.err.println("  " + result);
        Map<String, Double> values = new LinkedHashMap<>();
        for (String pair : result.substring("RESULT ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].equals("variant")) {
                values.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        return values;
    }

    /** A module's classes (if it has any) and its runtime dependencies, as its build wrote them. */
    private static String classpath(String module) throws IOException {
        Path classes = Path.of(module, "target", "classes");
        String dependencies = Files.readString(Path.of(module, "target", "classpath.txt")).trim();
        return Files.isDirectory(classes) ? classes + File.pathSeparator + dependencies : dependencies;
    }

    /** The runtime jars each transport adds to common's (micronaut-inject, serde-jackson and what they bring). */
    private static String jars() throws IOException {
        Set<String> baseline = jarsOf("common");
        StringBuilder table = new StringBuilder("| variant | jars added beyond micronaut-core/inject/serde | bytes |\n|---|---|---|\n");
        for (String module : List.of("apache", "jdk", "netty")) {
            Set<String> added = jarsOf(module);
            added.removeAll(baseline);
            added.removeIf(jar -> Path.of(jar).getFileName().toString().startsWith("bench-"));
            long bytes = 0;
            List<String> names = new ArrayList<>();
            for (String jar : added) {
                long size = Files.size(Path.of(jar));
                bytes += size;
                names.add(String.format(Locale.ROOT, "%s (%,d)", Path.of(jar).getFileName(), size));
            }
            table.append("| ").append(module).append(" | ").append(String.join(", ", names))
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", bytes)).append(" |\n");
        }
        return table.toString();
    }

    private static Set<String> jarsOf(String module) throws IOException {
        return new LinkedHashSet<>(Arrays.asList(
                Files.readString(Path.of(module, "target", "classpath.txt")).trim().split(File.pathSeparator)));
    }

    private static List<String> words(String flags) {
        return flags.isBlank() ? List.of() : Arrays.asList(flags.trim().split(" +"));
    }
}

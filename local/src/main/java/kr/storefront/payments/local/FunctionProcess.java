package kr.storefront.payments.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Lambda execution environment on this machine: a fresh JVM started as Lambda's {@code java21}
 * runtime starts it (same flags, the real runtime interface client on the system class path, the
 * bundle loaded from {@code LAMBDA_TASK_ROOT} by the runtime's own class loader), fed through a
 * {@link LambdaRuntimeApiStub}.
 */
final class FunctionProcess implements AutoCloseable {

    /** How Lambda initializes the environment. */
    enum Initialization {
        /** Plain JVM start. */
        ON_DEMAND("on-demand"),
        /**
         * SnapStart as the runtime runs it: init, {@code beforeCheckpoint} hooks, the snapshot (here: nothing,
         * the same JVM goes on), {@code afterRestore} hooks, then the first event.
         */
        SNAP_START("snap-start");

        final String value;

        Initialization(String value) {
            this.value = value;
        }
    }

    /**
     * Flags of Lambda's managed Java runtime (its bootstrap as seen in a java17 environment, 2023), for a
     * 1024 MB function; the runtime's own CDS archive is left to {@code -Xshare:auto}.
     */
    static final List<String> LAMBDA_JVM_FLAGS = List.of(
            "-XX:MaxHeapSize=891289k", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
            "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr", "-XX:-UsePerfData");

    private static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(29);

    private final Process process;
    private final LambdaRuntimeApiStub runtimeApi;
    private final long startedAt;
    private final long initDoneAt;

    private FunctionProcess(Process process, LambdaRuntimeApiStub runtimeApi, long startedAt, long initDoneAt) {
        this.process = process;
        this.runtimeApi = runtimeApi;
        this.startedAt = startedAt;
        this.initDoneAt = initDoneAt;
    }

    /**
     * Starts the environment and waits until the handler is constructed (and, for SnapStart, restored).
     *
     * @param runtimeLib   the Lambda runtime's jars (the runtime interface client and its dependencies)
     * @param bundle       what {@code sam build} packaged: classes at the root, jars in {@code lib/}
     * @param environment  the function's environment variables
     * @param properties   system properties (emulator endpoints stand in for AWS here)
     * @param extraFlags   more JVM flags (e.g. a CDS archive)
     * @param log          where the function's stdout and stderr go
     */
    static FunctionProcess start(String functionName, String handler, Path runtimeLib, Path bundle, Initialization initialization,
                                 Map<String, String> environment, Map<String, String> properties, List<String> extraFlags, Path log)
            throws IOException, TimeoutException {
        LambdaRuntimeApiStub runtimeApi = LambdaRuntimeApiStub.start(functionName);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(extraFlags);
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-classpath");
        command.add(runtimeLib.toAbsolutePath() + "/*");
        command.add(RUNTIME_MAIN);
        command.add(handler);
        // the runtime loads the bundle from its working directory, /var/task on Lambda
        ProcessBuilder builder = new ProcessBuilder(command).directory(bundle.toAbsolutePath().toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("TZ", ":UTC");
        builder.environment().put("LANG", "en_US.UTF-8");
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        builder.environment().put("LAMBDA_TASK_ROOT", bundle.toAbsolutePath().toString());
        builder.environment().put("LAMBDA_RUNTIME_DIR", runtimeLib.toAbsolutePath().toString());
        builder.environment().put("_HANDLER", handler);
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        builder.environment().put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        builder.environment().put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", initialization.value);
        builder.environment().put("AWS_REGION", "ap-northeast-2");
        builder.environment().put("AWS_DEFAULT_REGION", "ap-northeast-2");
        builder.environment().putAll(environment);
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long startedAt = System.nanoTime();
        Process process = builder.start();
        try {
            long initDoneAt = runtimeApi.awaitInitDone(INIT_TIMEOUT, process::isAlive);
            return new FunctionProcess(process, runtimeApi, startedAt, initDoneAt);
        } catch (RuntimeException | TimeoutException e) {
            process.destroyForcibly();
            runtimeApi.close();
            throw new IllegalStateException(functionName + " did not start (" + e.getMessage() + "); its output: " + log, e);
        }
    }

    /** JVM start until the runtime asked for its first event: the handler is constructed (and restored). */
    Duration init() {
        return Duration.ofNanos(initDoneAt - startedAt);
    }

    LambdaRuntimeApiStub.Reply invoke(String event) throws TimeoutException {
        return runtimeApi.invoke(event, INVOKE_TIMEOUT, process::isAlive);
    }

    /** The process's peak resident set (VmHWM), in MiB. */
    double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or already gone
        }
        return Double.NaN;
    }

    /** Ends the environment as Lambda would when it scales in: SIGTERM, then the JVM's exit (CDS dumps happen here). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        runtimeApi.close();
    }
}

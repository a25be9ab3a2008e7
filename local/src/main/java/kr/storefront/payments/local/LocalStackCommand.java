package kr.storefront.payments.local;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code ./local-stack}. */
final class LocalStackCommand {

    static final String USAGE = """
            usage: ./local-stack [run] [--port 8080] [--aws-endpoint URL] [--pgs tosspayments,kakaopay,...]
                                 [--toss-api-mode] [--rebill-every 1m] [--no-sample-data]
                   ./local-stack invoke <LogicalId> -e events/<file>.json [--aws-endpoint URL]
                   ./local-stack rebill [--aws-endpoint URL]
                   ./local-stack coldstart [--runs 5] [--warm 1000] [--functions CheckoutFunction,...]
                                 [--mode on-demand|snap-start|both] [--cds] [--dynamodb local|emulator] [--no-build]
                                 [--jvm-option -XX:... (repeatable; the functions' JVMs, not the floor's)]
            """;

    private LocalStackCommand() {
    }

    static void run(String[] args, Path template) throws Exception {
        if (args.length > 0 && args[0].equals("coldstart")) {
            ColdStartBenchmark.run(coldStartOptions(args), template, System.out);
            System.out.flush();
            System.exit(0); // the emulator's and DynamoDB Local's threads would keep the JVM up
            return;
        }
        List<String> positional = new ArrayList<>();
        LocalStackOptions options = LocalStackOptions.defaults(template);
        Path eventFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(value(args, ++i)));
                case "--aws-endpoint" -> options = options.withAwsEndpoint(URI.create(value(args, ++i)));
                case "--pgs" -> options = options.withEnabledPgs(value(args, ++i));
                case "--toss-api-mode" -> options = options.withTossApiMode(true);
                case "--rebill-every" -> options = options.withRebillEvery(duration(value(args, ++i)));
                case "--no-sample-data" -> options = new LocalStackOptions(options.port(), options.template(), options.awsEndpoint(),
                        options.enabledPgs(), options.tossApiMode(), options.rebillEvery(), false);
                case "-e", "--event" -> eventFile = Path.of(value(args, ++i));
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> positional.add(args[i]);
            }
        }
        String command = positional.isEmpty() ? "run" : positional.get(0);
        switch (command) {
            case "run" -> serve(options);
            case "invoke" -> {
                if (positional.size() < 2 || eventFile == null) {
                    throw new IllegalArgumentException("invoke needs <LogicalId> and -e <event file>\n" + USAGE);
                }
                String logicalId = positional.get(1);
                Path event = eventFile;
                printAlone(options, stack -> stack.invoke(logicalId, event).output());
            }
            case "rebill" -> {
                printAlone(options, LocalStack::runScheduled);
            }
            default -> throw new IllegalArgumentException("unknown command " + command + "\n" + USAGE);
        }
    }

    private interface StackCall {
        String call(LocalStack stack) throws Exception;
    }

    /**
     * Runs one call on a fresh stack and prints only its result on stdout, like {@code sam local invoke}:
     * everything else said meanwhile (DynamoDB Local's banner, logs) goes to stderr, so the output pipes into jq.
     */
    private static void printAlone(LocalStackOptions options, StackCall call) throws Exception {
        PrintStream stdout = System.out;
        String result;
        System.setOut(System.err);
        try (LocalStack stack = LocalStack.start(options.withPort(0))) {
            result = call.call(stack);
        } finally {
            System.setOut(stdout);
        }
        stdout.println(result);
    }

    private static void serve(LocalStackOptions options) throws InterruptedException {
        LocalStack stack = LocalStack.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
        System.out.println(banner(stack));
        Thread.currentThread().join();
    }

    static String banner(LocalStack stack) {
        String api = stack.baseUrl().toString();
        return """

                ── local stack ready ───────────────────────────────────────────────
                  demo storefront   %1$s/demo/
                  API               %1$s   (routes from template.yaml)
                  i'mport sandbox   %2$s
                  rebill now        curl -X POST %1$s/local/rebill
                  where things are  curl %1$s/local/info

                try:
                  curl %1$s/checkout/pgs
                  curl %1$s/checkout/products
                  curl -X POST %1$s/checkout/orders -H 'content-type: application/json' \\
                       -d '{"items":[{"sku":"BEANS-1KG","quantity":2}],"pg":"tosspayments","device":"pc"}'
                  TOKEN=$(curl -s -X POST %1$s/local/token -d '{"sub":"alice"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
                  curl %1$s/checkout/billing-keys -H "authorization: Bearer $TOKEN"
                  curl -X PUT %1$s/checkout/admin/products/MUG --aws-sigv4 aws:amz:ap-northeast-2:execute-api \\
                       --user local:local -H 'content-type: application/json' -d '{"name":"머그컵","price":9500,"active":true}'
                the whole loop (order → pay in the sandbox window → confirm): README.md, "Run locally"
                Ctrl-C to stop.
                """.formatted(api, stack.sandboxUrl());
    }

    private static ColdStartBenchmark.Options coldStartOptions(String[] args) {
        ColdStartBenchmark.Options defaults = ColdStartBenchmark.Options.defaults();
        int runs = defaults.runs();
        int warm = defaults.warm();
        List<String> functions = defaults.functions();
        List<FunctionProcess.Initialization> modes = defaults.initializations();
        boolean build = defaults.build();
        boolean cds = defaults.cds();
        boolean dynamoDbOnEmulator = defaults.dynamoDbOnEmulator();
        List<String> jvmOptions = new ArrayList<>(defaults.jvmOptions());
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(value(args, ++i));
                case "--warm" -> warm = Integer.parseInt(value(args, ++i));
                case "--functions" -> functions = List.of(value(args, ++i).split(","));
                case "--mode" -> modes = initializations(value(args, ++i), defaults);
                case "--cds" -> cds = true;
                case "--no-build" -> build = false;
                case "--jvm-option" -> jvmOptions.add(value(args, ++i));
                case "--dynamodb" -> dynamoDbOnEmulator = switch (value(args, ++i)) {
                    case "local" -> false;
                    case "emulator" -> true;
                    default -> throw new IllegalArgumentException("--dynamodb is local or emulator\n" + USAGE);
                };
                default -> throw new IllegalArgumentException("unknown coldstart option " + args[i] + "\n" + USAGE);
            }
        }
        if (runs < 1 || warm < 1) {
            throw new IllegalArgumentException("--runs and --warm must be at least 1");
        }
        return new ColdStartBenchmark.Options(runs, warm, functions, modes, build, cds, dynamoDbOnEmulator, List.copyOf(jvmOptions));
    }

    private static List<FunctionProcess.Initialization> initializations(String mode, ColdStartBenchmark.Options defaults) {
        return switch (mode) {
            case "on-demand" -> List.of(FunctionProcess.Initialization.ON_DEMAND);
            case "snap-start" -> List.of(FunctionProcess.Initialization.SNAP_START);
            case "both" -> defaults.initializations();
            default -> throw new IllegalArgumentException("--mode is on-demand, snap-start or both\n" + USAGE);
        };
    }

    private static String value(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException("missing value for " + args[index - 1] + "\n" + USAGE);
        }
        return args[index];
    }

    private static Duration duration(String text) {
        String unit = text.substring(text.length() - 1);
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("durations look like 30s, 5m or 1h");
        };
    }
}

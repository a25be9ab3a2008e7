package kr.storefront.payments.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.micronaut.json.JsonMapper;
import kr.storefront.payments.core.testing.SampleWorld;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.testkit.aws.TemplateTable;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every function of template.yaml on this machine, with nothing but Java: API Gateway played by
 * {@link ApiGatewayFrontend}, DynamoDB by embedded DynamoDB Local (or an emulator), i'mport by the
 * sandbox, EventBridge Scheduler by a timer or {@code POST /local/rebill}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private static final ObjectMapper EVENTS = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SamTemplate template;
    private final ApiGatewayFrontend frontend;
    private final LocalEnvironment environment;
    private final FunctionRuntime functions;
    private final LocalJwt tokens;
    private final ScheduledExecutorService scheduler;
    private final RebillWorkers workers;

    private LocalStack(SamTemplate template, ApiGatewayFrontend frontend, LocalEnvironment environment, FunctionRuntime functions,
                       LocalJwt tokens, ScheduledExecutorService scheduler) {
        this.workers = RebillWorkers.of(template, functions, environment);
        this.template = template;
        this.frontend = frontend;
        this.environment = environment;
        this.functions = functions;
        this.tokens = tokens;
        this.scheduler = scheduler;
    }

    /** Starts everything; the returned stack is serving when this returns. */
    public static LocalStack start(LocalStackOptions options) {
        SamTemplate template = SamTemplate.read(options.template());
        ApiGatewayFrontend frontend = ApiGatewayFrontend.bind(options.port(), template);
        URI baseUrl = frontend.baseUrl();
        LocalEnvironment environment = LocalEnvironment.start(options, baseUrl);
        FunctionRuntime functions = new FunctionRuntime(template, environment);
        if (options.sampleData()) {
            SampleWorld.seed(functions::anyBean, environment.sandbox());
        }
        environment.sandbox().setConsoleWebhookUrl(baseUrl.resolve("/webhooks/iamport"));
        LocalJwt tokens = new LocalJwt(baseUrl + "/local", Clock.systemUTC());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        LocalStack stack = new LocalStack(template, frontend, environment, functions, tokens, scheduler);
        DemoSite demo = new DemoSite(environment.sandbox().scriptUrl());
        frontend.start(new ApiGatewayFrontend.LocalServices() {
            @Override
            public FunctionRuntime functions() {
                return functions;
            }

            @Override
            public LocalJwt tokens() {
                return tokens;
            }

            @Override
            public DemoSite demo() {
                return demo;
            }

            @Override
            public String runRebill() {
                return stack.runScheduled();
            }

            @Override
            public Map<String, String> info() {
                return Map.of("api", baseUrl.toString(), "iamport_sandbox", environment.sandbox().baseUrl().toString(),
                        "iamport_script", demo.iamportScript().toString(), "aws", environment.describeAws());
            }
        });
        if (options.rebillEvery() != null) {
            long every = options.rebillEvery().toMillis();
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    LOG.info("scheduled rebill run: {}", stack.runScheduled());
                } catch (RuntimeException e) {
                    LOG.error("scheduled rebill run failed", e);
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        LOG.info("local stack up: {}", environment.describeAws());
        return stack;
    }

    public URI baseUrl() {
        return frontend.baseUrl();
    }

    public URI sandboxUrl() {
        return environment.sandbox().baseUrl();
    }

    /** The i'mport sandbox behind the stack (tests drive and inspect it). */
    public IamportSandbox sandbox() {
        return environment.sandbox();
    }

    /** A token for the demo customer {@code subject}, as the JWT authorizer expects. */
    public String tokenFor(String subject) {
        return tokens.mint(subject, Duration.ofHours(12));
    }

    /**
     * Runs the scheduled function (the planner) once with the template's schedule Input, as EventBridge Scheduler
     * would, then the workers on what it queued until the queue is empty, as the queue's event source mapping
     * would. The answer is the planner's report with the workers' counts added (one report, as before the fan-out).
     */
    public String runScheduled() {
        try {
            JsonMapper json = functions.bean(workerFunction(), JsonMapper.class);
            RebillReport report = json.readValue(plan(), RebillReport.class);
            for (RebillReport charged : workers.drain()) {
                report = report.plus(charged);
            }
            return json.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException("rebill report is not JSON", e);
        }
    }

    /** The planner alone, with the template's schedule Input: its report as JSON. */
    private String plan() {
        SamTemplate.FunctionSpec scheduled = template.functions().stream().filter(f -> f.scheduleInput() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no scheduled function"));
        String input = scheduled.scheduleInput()
                .replace("<aws.scheduler.scheduled-time>", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .replace("<aws.scheduler.execution-id>", UUID.randomUUID().toString())
                .replace("<aws.scheduler.attempt-number>", "1");
        return functions.invokeJson(scheduled.logicalId(), input);
    }

    /**
     * What one invocation gave: the HTTP status for API Gateway functions (null for the others) and the
     * response as {@code sam local invoke} prints it.
     */
    public record Invocation(@io.micronaut.core.annotation.Nullable Integer httpStatus, String output) { }

    /** Runs one function on an event file, as {@code sam local invoke <LogicalId> -e <file>} does. */
    public Invocation invoke(String logicalId, Path eventFile) throws IOException {
        return invoke(logicalId, Files.readString(eventFile));
    }

    /** Runs one function in this process on an event given as JSON. */
    Invocation invoke(String logicalId, String event) throws IOException {
        if (functions.isHttp(logicalId)) {
            var response = functions.invokeHttp(logicalId, EVENTS.readValue(event, APIGatewayV2HTTPEvent.class));
            return new Invocation(response.getStatusCode(), EVENTS.writerWithDefaultPrettyPrinter().writeValueAsString(response));
        }
        return new Invocation(null, functions.invokeJson(logicalId, event));
    }

    SamTemplate template() {
        return template;
    }

    LocalEnvironment environment() {
        return environment;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        frontend.close();
        functions.close();
        environment.close();
    }

    private String workerFunction() {
        return template.functions().stream().filter(f -> f.queueSource() != null).findFirst().orElseThrow().logicalId();
    }

    /** {@code ./local-stack [run|invoke|rebill] ...} */
    public static void main(String[] args) throws Exception {
        LocalStackCommand.run(args, TemplateTable.locateTemplate());
    }
}

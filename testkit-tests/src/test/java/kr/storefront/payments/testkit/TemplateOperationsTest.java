package kr.storefront.payments.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.storefront.payments.testkit.aws.CloudFormationYaml;
import kr.storefront.payments.testkit.aws.TemplateTable;
import org.junit.jupiter.api.Test;

/**
 * The operations side of {@code template.yaml} (docs/operations.md): log groups with retention, the
 * rebill schedule's name and dead letters, alarms to one topic on the metrics the code emits, CORS,
 * and IAM actions no wider than what the store calls. Intrinsics read as their argument
 * ({@code !Ref X} is {@code "X"}, {@code !GetAtt X.Arn} is {@code "X.Arn"}).
 */
class TemplateOperationsTest {

    private static final Path TEMPLATE = TemplateTable.locateTemplate();
    private static final Path ROOT = TEMPLATE.getParent();
    private static final Map<String, Object> DOCUMENT = CloudFormationYaml.load(TEMPLATE);
    private static final Map<String, Object> RESOURCES = CloudFormationYaml.map(DOCUMENT.get("Resources"));
    private static final Map<String, Object> PARAMETERS = CloudFormationYaml.map(DOCUMENT.get("Parameters"));

    @Test
    void everyFunction_logsAsText_toItsOwnLogGroup_withTheRetentionParameter() {
        Set<String> groups = new TreeSet<>();
        functions().forEach((id, properties) -> {
            Map<String, Object> logging = CloudFormationYaml.map(properties.get("LoggingConfig"));
            assertThat(logging.get("LogFormat")).as(id).isEqualTo("Text");
            String group = String.valueOf(logging.get("LogGroup"));
            assertThat(type(group)).as(id + " LogGroup").isEqualTo("AWS::Logs::LogGroup");
            assertThat(properties(group).get("RetentionInDays")).as(group).isEqualTo("LogRetentionDays");
            groups.add(group);
        });
        assertThat(groups).as("one group per function").hasSize(functions().size());
        assertThat(CloudFormationYaml.map(PARAMETERS.get("LogRetentionDays")).get("Default")).isEqualTo(90);
    }

    @Test
    void httpApi_writesJsonAccessLogs_withTheRequestId_toAGroupWithRetention() throws IOException {
        Map<String, Object> accessLogs = CloudFormationYaml.map(httpApi().get("AccessLogSettings"));
        String destination = String.valueOf(accessLogs.get("DestinationArn"));
        assertThat(destination).endsWith(".Arn");
        String group = destination.substring(0, destination.length() - ".Arn".length());
        assertThat(type(group)).isEqualTo("AWS::Logs::LogGroup");
        assertThat(properties(group).get("RetentionInDays")).isEqualTo("LogRetentionDays");

        JsonNode format = new ObjectMapper().readTree(String.valueOf(accessLogs.get("Format")));
        assertThat(format.path("requestId").asText()).isEqualTo("$context.requestId");
        assertThat(format.path("routeKey").asText()).isEqualTo("$context.routeKey");
        assertThat(format.path("status").asText()).isEqualTo("$context.status");
        assertThat(format.path("integrationLatency").asText()).isEqualTo("$context.integrationLatency");
        assertThat(format.path("ip").asText()).isEqualTo("$context.identity.sourceIp");
        assertThat(format.path("responseLength").asText()).isEqualTo("$context.responseLength");
        assertThat(format.path("error").asText()).isEqualTo("$context.error.message");
    }

    @Test
    void httpApi_throttlesEveryRoute_andExposesRetryAfter_toAllowListedOriginsOnly() {
        Map<String, Object> routes = CloudFormationYaml.map(httpApi().get("DefaultRouteSettings"));
        assertThat(routes.get("ThrottlingBurstLimit")).isEqualTo("ApiThrottlingBurstLimit");
        assertThat(routes.get("ThrottlingRateLimit")).isEqualTo("ApiThrottlingRateLimit");

        Map<String, Object> cors = CloudFormationYaml.map(httpApi().get("CorsConfiguration"));
        assertThat(CloudFormationYaml.list(cors.get("ExposeHeaders"))).contains("retry-after");
        assertThat(cors.get("AllowOrigins")).isEqualTo("StorefrontOrigins");
        Map<String, Object> origins = CloudFormationYaml.map(PARAMETERS.get("StorefrontOrigins"));
        assertThat(origins).as("required: no default").doesNotContainKey("Default");
        Pattern allowed = Pattern.compile(String.valueOf(origins.get("AllowedPattern")));
        assertThat(allowed.matcher("https://shop.example.com").matches()).isTrue();
        assertThat(allowed.matcher("http://127.0.0.1:3000").matches()).isTrue();
        for (String rejected : List.of("*", "https://*.example.com", "https://shop.example.com/", "shop.example.com", "")) {
            assertThat(allowed.matcher(rejected).matches()).as(rejected).isFalse();
        }
    }

    @Test
    void rebillSchedule_isNamedAfterTheStack_andHasADeadLetterQueue() {
        Map<String, Object> schedule = scheduleEvent();
        assertThat(String.valueOf(schedule.get("Name"))).contains("${AWS::StackName}");
        String queue = arnOf(CloudFormationYaml.map(schedule.get("DeadLetterConfig")).get("Arn"));
        assertThat(type(queue)).isEqualTo("AWS::SQS::Queue");
    }

    @Test
    void rebill_retriesAtMostOnce_thenDeadLetters_andHasReservedConcurrency() {
        Map<String, Object> rebill = functions().get("RebillFunction");
        Map<String, Object> invoke = CloudFormationYaml.map(rebill.get("EventInvokeConfig"));
        assertThat(((Number) invoke.get("MaximumRetryAttempts")).intValue()).isBetween(0, 1);
        Map<String, Object> onFailure = CloudFormationYaml.map(CloudFormationYaml.map(invoke.get("DestinationConfig")).get("OnFailure"));
        assertThat(onFailure.get("Type")).isEqualTo("SQS");
        assertThat(type(arnOf(onFailure.get("Destination")))).isEqualTo("AWS::SQS::Queue");
        assertThat(rebill.get("ReservedConcurrentExecutions")).isEqualTo("RebillReservedConcurrency");
    }

    @Test
    void everyQueue_isEncrypted_deadLettersKeepMessages14Days_andHaveADepthAlarm() {
        Map<String, Map<String, Object>> queues = resourcesOf("AWS::SQS::Queue");
        assertThat(queues).containsOnlyKeys("RebillQueue", "RebillDeadLetterQueue", "RebillScheduleDeadLetterQueue",
                "RebillFailedInvocationsQueue");
        queues.forEach((id, properties) -> {
            assertThat(properties.get("SqsManagedSseEnabled")).as(id).isEqualTo(true);
            if (id.equals("RebillQueue")) {
                return;
            }
            assertThat(properties.get("MessageRetentionPeriod")).as(id).isEqualTo(1_209_600);
            assertThat(alarms().values()).as(id + " depth alarm").anySatisfy(alarm -> {
                assertThat(alarm.get("Namespace")).isEqualTo("AWS/SQS");
                assertThat(alarm.get("MetricName")).isEqualTo("ApproximateNumberOfMessagesVisible");
                assertThat(dimensions(alarm)).containsEntry("QueueName", id + ".QueueName");
            });
        });
    }

    @Test
    void rebillQueue_feedsTheWorker_handsBackFailedMessagesOnly_andDeadLettersPoison() {
        Map<String, Object> queue = properties("RebillQueue");
        Map<String, Object> worker = functions().get("RebillWorkerFunction");
        int timeout = ((Number) worker.get("Timeout")).intValue();
        assertThat(((Number) queue.get("VisibilityTimeout")).intValue()).isGreaterThanOrEqualTo(6 * timeout);
        Map<String, Object> redrive = CloudFormationYaml.map(queue.get("RedrivePolicy"));
        assertThat(arnOf(redrive.get("deadLetterTargetArn"))).isEqualTo("RebillDeadLetterQueue");
        assertThat(((Number) redrive.get("maxReceiveCount")).intValue()).isBetween(3, 10);
        Map<String, Object> source = CloudFormationYaml.map(CloudFormationYaml.map(CloudFormationYaml.map(worker.get("Events"))
                .get("RebillQueue")).get("Properties"));
        assertThat(arnOf(source.get("Queue"))).isEqualTo("RebillQueue");
        assertThat(CloudFormationYaml.list(source.get("FunctionResponseTypes"))).containsExactly("ReportBatchItemFailures");
        assertThat(CloudFormationYaml.map(source.get("ScalingConfig")).get("MaximumConcurrency"))
                .isEqualTo("RebillWorkerMaximumConcurrency");
        assertThat(alarms().values()).as("backlog alarm").anySatisfy(alarm -> {
            assertThat(alarm.get("MetricName")).isEqualTo("ApproximateAgeOfOldestMessage");
            assertThat(dimensions(alarm)).containsEntry("QueueName", "RebillQueue.QueueName");
        });
    }

    @Test
    void everyAlarm_notifiesTheAlarmTopic() {
        assertThat(type("AlarmTopic")).isEqualTo("AWS::SNS::Topic");
        assertThat(alarms()).isNotEmpty().allSatisfy((id, alarm) -> {
            assertThat(CloudFormationYaml.list(alarm.get("AlarmActions"))).as(id).containsExactly("AlarmTopic");
            assertThat(alarm.get("TreatMissingData")).as(id).isIn("notBreaching", "ignore");
        });
        Map<String, Object> subscription = CloudFormationYaml.map(RESOURCES.get("AlarmEmailSubscription"));
        assertThat(subscription.get("Condition")).isEqualTo("HasAlarmEmail");
        assertThat(CloudFormationYaml.map(PARAMETERS.get("AlarmEmail")).get("Default")).isEqualTo("");
    }

    @Test
    void businessMetricAlarms_readTheServiceDimension_ofMetricsTheOperationsPageLists() throws IOException {
        String operations = Files.readString(ROOT.resolve("docs/operations.md"));
        Map<String, Map<String, Object>> alarmed = new LinkedHashMap<>();
        alarms().forEach((id, alarm) -> {
            if ("MetricsNamespace".equals(alarm.get("Namespace"))) {
                Map<String, Object> expected = "Refunds".equals(alarm.get("MetricName"))
                        ? Map.of("Service", "MetricsService", "Outcome", "pending") // the one outcome that needs a look
                        : Map.of("Service", "MetricsService");
                assertThat(dimensions(alarm)).as(id).isEqualTo(expected);
                assertThat(operations).as(id).contains("`" + alarm.get("MetricName") + "`");
                alarmed.put(String.valueOf(alarm.get("MetricName")), alarm);
            }
        });
        assertThat(alarmed).containsOnlyKeys("ForgedPayments", "ForgedCharges", "UnknownOutcomesUnresolved", "RebillRunErrors",
                "Refunds");
        assertThat(alarmed.get("UnknownOutcomesUnresolved").get("Statistic")).isEqualTo("Maximum");
    }

    @Test
    void everyFunction_hasAnErrorsAndAThrottlesAlarm_andTheApiA5xxRateAlarm() {
        for (String function : functions().keySet()) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(alarms().values()).as(function + " " + metric).anySatisfy(alarm -> {
                    assertThat(alarm.get("Namespace")).isEqualTo("AWS/Lambda");
                    assertThat(alarm.get("MetricName")).isEqualTo(metric);
                    assertThat(dimensions(alarm)).isEqualTo(Map.of("FunctionName", function));
                });
            }
        }
        assertThat(alarms().values()).as("5xx rate").anySatisfy(alarm -> {
            List<Object> metrics = CloudFormationYaml.list(alarm.get("Metrics"));
            List<String> names = new ArrayList<>();
            for (Object query : metrics) {
                Map<String, Object> metric = CloudFormationYaml.map(CloudFormationYaml.map(
                        CloudFormationYaml.map(query).get("MetricStat")).get("Metric"));
                if (!metric.isEmpty()) {
                    assertThat(metric.get("Namespace")).isEqualTo("AWS/ApiGateway");
                    assertThat(dimensions(metric)).isEqualTo(Map.of("ApiId", "PaymentsHttpApi", "Stage", "$default"));
                    names.add(String.valueOf(metric.get("MetricName")));
                }
            }
            assertThat(names).containsExactlyInAnyOrder("5xx", "Count");
        });
    }

    /** Every DynamoDB action a policy allows is one the store's code calls, and each call is allowed somewhere. */
    @Test
    void dynamoDbActions_areExactlyThoseTheStoreCalls() throws IOException {
        Set<String> called = dynamoDbActionsTheStoreCalls();
        assertThat(called).contains("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query");
        Set<String> allowed = new TreeSet<>();
        functions().forEach((id, properties) -> {
            for (Object policy : CloudFormationYaml.list(properties.get("Policies"))) {
                for (Object statement : CloudFormationYaml.list(CloudFormationYaml.map(policy).get("Statement"))) {
                    for (Object action : CloudFormationYaml.list(CloudFormationYaml.map(statement).get("Action"))) {
                        if (action.toString().startsWith("dynamodb:")) {
                            assertThat(called).as(id + " allows " + action).contains(action.toString());
                            allowed.add(action.toString());
                        }
                    }
                }
            }
        });
        assertThat(allowed).isEqualTo(called);
    }

    @Test
    void table_isDeletionProtected() {
        assertThat(properties("PaymentsTable").get("DeletionProtectionEnabled")).isEqualTo(true);
    }

    @Test
    void outputs_nameTheWebhookAndRedirectUrls_aliases_topicAndQueues() {
        Map<String, Object> outputs = CloudFormationYaml.map(DOCUMENT.get("Outputs"));
        assertThat(value(outputs, "WebhookUrl")).endsWith("/webhooks/iamport");
        assertThat(value(outputs, "RedirectUrl")).endsWith("/payments/redirect");
        for (String function : functions().keySet()) {
            assertThat(outputs.values()).as(function).anySatisfy(output ->
                    assertThat(CloudFormationYaml.map(output).get("Value")).isEqualTo(function + ".Alias"));
        }
        assertThat(outputs.values()).anySatisfy(output -> assertThat(CloudFormationYaml.map(output).get("Value")).isEqualTo("AlarmTopic"));
        for (String queue : resourcesOf("AWS::SQS::Queue").keySet()) {
            assertThat(outputs.values()).as(queue).anySatisfy(output ->
                    assertThat(CloudFormationYaml.map(output).get("Value")).isEqualTo(queue));
        }
    }

    @Test
    void functions_getTheMetricsAndLogLevelSettings() {
        Map<String, Object> variables = CloudFormationYaml.map(CloudFormationYaml.map(CloudFormationYaml.map(
                CloudFormationYaml.map(DOCUMENT.get("Globals")).get("Function")).get("Environment")).get("Variables"));
        assertThat(variables).containsEntry("METRICS_NAMESPACE", "MetricsNamespace")
                .containsEntry("METRICS_SERVICE", "MetricsService")
                .containsEntry("LOG_LEVEL", "LogLevel");
        assertThat(CloudFormationYaml.map(PARAMETERS.get("MetricsNamespace")).get("Default")).isEqualTo("StorefrontPayments");
        assertThat(CloudFormationYaml.map(PARAMETERS.get("MetricsService")).get("Default")).isEqualTo("storefront-payments");
        assertThat(CloudFormationYaml.list(CloudFormationYaml.map(PARAMETERS.get("LogLevel")).get("AllowedValues")))
                .containsExactly("DEBUG", "INFO", "WARN", "ERROR");
    }

    /**
     * The DynamoDB client calls in store-dynamodb's sources as IAM actions. A TransactWriteItems is authorized
     * per member ({@code put} as PutItem, {@code update} as UpdateItem, {@code delete} as DeleteItem,
     * {@code conditionCheck} as ConditionCheckItem), not as an action of its own.
     */
    private static Set<String> dynamoDbActionsTheStoreCalls() throws IOException {
        Pattern call = Pattern.compile("\\bdynamo\\.(\\w+)\\(");
        Pattern member = Pattern.compile("TransactWriteItem\\.builder\\(\\)\\s*\\.(put|update|delete|conditionCheck)\\(");
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(ROOT.resolve("functions/store-dynamodb/src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher calls = call.matcher(code);
                while (calls.find()) {
                    String method = calls.group(1);
                    if (!method.equals("transactWriteItems") && !method.equals("waiter")) {
                        actions.add("dynamodb:" + method.substring(0, 1).toUpperCase(Locale.ROOT) + method.substring(1));
                    }
                }
                Matcher members = member.matcher(code);
                while (members.find()) {
                    actions.add(switch (members.group(1)) {
                        case "put" -> "dynamodb:PutItem";
                        case "update" -> "dynamodb:UpdateItem";
                        case "delete" -> "dynamodb:DeleteItem";
                        default -> "dynamodb:ConditionCheckItem";
                    });
                }
            }
        }
        return actions;
    }

    private static Map<String, Map<String, Object>> functions() {
        return resourcesOf("AWS::Serverless::Function");
    }

    private static Map<String, Object> httpApi() {
        Map<String, Map<String, Object>> apis = resourcesOf("AWS::Serverless::HttpApi");
        assertThat(apis).hasSize(1);
        return apis.values().iterator().next();
    }

    private static Map<String, Object> scheduleEvent() {
        for (Object event : CloudFormationYaml.map(functions().get("RebillFunction").get("Events")).values()) {
            if ("ScheduleV2".equals(CloudFormationYaml.map(event).get("Type"))) {
                return CloudFormationYaml.map(CloudFormationYaml.map(event).get("Properties"));
            }
        }
        throw new AssertionError("RebillFunction has no ScheduleV2 event");
    }

    private static Map<String, Map<String, Object>> alarms() {
        return resourcesOf("AWS::CloudWatch::Alarm");
    }

    private static Map<String, Map<String, Object>> resourcesOf(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        RESOURCES.forEach((id, body) -> {
            if (type.equals(CloudFormationYaml.map(body).get("Type"))) {
                found.put(id, properties(id));
            }
        });
        return found;
    }

    private static String type(String logicalId) {
        return String.valueOf(CloudFormationYaml.map(RESOURCES.get(logicalId)).get("Type"));
    }

    private static Map<String, Object> properties(String logicalId) {
        return CloudFormationYaml.map(CloudFormationYaml.map(RESOURCES.get(logicalId)).get("Properties"));
    }

    private static Map<String, String> dimensions(Map<String, Object> metric) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (Object dimension : CloudFormationYaml.list(metric.get("Dimensions"))) {
            Map<String, Object> pair = CloudFormationYaml.map(dimension);
            dimensions.put(String.valueOf(pair.get("Name")), String.valueOf(pair.get("Value")));
        }
        return dimensions;
    }

    /** {@code !GetAtt Queue.Arn} read as {@code "Queue.Arn"}: the logical id. */
    private static String arnOf(Object getAtt) {
        String value = String.valueOf(getAtt);
        assertThat(value).endsWith(".Arn");
        return value.substring(0, value.length() - ".Arn".length());
    }

    private static String value(Map<String, Object> outputs, String name) {
        return String.valueOf(CloudFormationYaml.map(outputs.get(name)).get("Value"));
    }
}

package kr.storefront.payments.local;

import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.testkit.aws.CloudFormationYaml;

/**
 * What the local stack needs from {@code template.yaml}: each function's handler, environment
 * variable names and events, and the HTTP API's routes. Read from the template itself, so the
 * local stack cannot drift from what is deployed.
 *
 * @param corsOrigins       the HTTP API's allowed origins: a literal list, or the default of the parameter it
 *                          names; empty when that parameter has no default (the local stack then allows its own origin)
 * @param corsExposeHeaders response headers a browser script may read
 */
record SamTemplate(List<FunctionSpec> functions, List<String> corsOrigins, List<String> corsExposeHeaders,
                   Map<String, String> parameterDefaults, java.util.Set<String> logicalIds) {

    /** How API Gateway authorizes a route. */
    enum Authorization { NONE, JWT, IAM }

    /** One route of the HTTP API. */
    record HttpRoute(String method, String path, Authorization authorization, String functionId) { }

    /**
     * One function.
     *
     * @param logicalId        resource name, e.g. {@code CheckoutFunction}
     * @param handler          Lambda handler class
     * @param environment      every environment variable the function gets (Globals included), with its template value
     * @param routes           its HttpApi events
     * @param scheduleInput    the ScheduleV2 event's Input template, if any
     * @param timeoutSeconds   the Lambda timeout
     * @param queueSource      its SQS event source, if any
     */
    record FunctionSpec(String logicalId, String handler, Map<String, String> environment, List<HttpRoute> routes,
                        @Nullable String scheduleInput, int timeoutSeconds, @Nullable QueueSource queueSource) { }

    /**
     * An SQS event of a function.
     *
     * @param queueId          the queue's logical id
     * @param batchSize        messages per invocation
     * @param maxReceiveCount  deliveries before the queue dead-letters a message (its RedrivePolicy)
     */
    record QueueSource(String queueId, int batchSize, int maxReceiveCount) { }

    static SamTemplate read(Path template) {
        Map<String, Object> document = CloudFormationYaml.load(template);
        Map<String, Object> globals = CloudFormationYaml.map(CloudFormationYaml.map(document.get("Globals")).get("Function"));
        Map<String, String> globalEnvironment = environment(globals);
        int globalTimeout = globals.get("Timeout") == null ? 3 : Integer.parseInt(globals.get("Timeout").toString());
        List<FunctionSpec> functions = new ArrayList<>();
        List<String> corsOrigins = List.of();
        List<String> corsExposeHeaders = List.of();
        Map<String, String> parameterDefaults = new LinkedHashMap<>();
        CloudFormationYaml.map(document.get("Parameters")).forEach((name, declared) -> {
            Object fallback = CloudFormationYaml.map(declared).get("Default");
            parameterDefaults.put(name, fallback == null ? null : String.valueOf(fallback));
        });
        for (Map.Entry<String, Object> resource : CloudFormationYaml.map(document.get("Resources")).entrySet()) {
            Map<String, Object> body = CloudFormationYaml.map(resource.getValue());
            Map<String, Object> properties = CloudFormationYaml.map(body.get("Properties"));
            if ("AWS::Serverless::HttpApi".equals(body.get("Type"))) {
                Map<String, Object> cors = CloudFormationYaml.map(properties.get("CorsConfiguration"));
                corsOrigins = strings(cors.get("AllowOrigins"), parameterDefaults);
                corsExposeHeaders = strings(cors.get("ExposeHeaders"), parameterDefaults);
            }
            if ("AWS::Serverless::Function".equals(body.get("Type"))) {
                functions.add(function(resource.getKey(), properties, globalEnvironment, globalTimeout,
                        CloudFormationYaml.map(document.get("Resources"))));
            }
        }
        java.util.Set<String> logicalIds = new java.util.LinkedHashSet<>(parameterDefaults.keySet());
        logicalIds.addAll(CloudFormationYaml.map(document.get("Resources")).keySet());
        return new SamTemplate(List.copyOf(functions), corsOrigins, corsExposeHeaders,
                java.util.Collections.unmodifiableMap(parameterDefaults), java.util.Set.copyOf(logicalIds));
    }

    /** A list literal, or a {@code !Ref} to a list parameter (its default, split at commas; none: empty). */
    private static List<String> strings(Object value, Map<String, String> parameterDefaults) {
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        if (value == null) {
            return List.of();
        }
        String fallback = parameterDefaults.containsKey(value.toString()) ? parameterDefaults.get(value.toString()) : value.toString();
        return fallback == null || fallback.isBlank() ? List.of()
                : java.util.Arrays.stream(fallback.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    List<HttpRoute> routes() {
        return functions.stream().flatMap(function -> function.routes().stream()).toList();
    }

    FunctionSpec function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("template.yaml has no function " + logicalId + "; it has "
                        + functions.stream().map(FunctionSpec::logicalId).toList()));
    }

    private static FunctionSpec function(String logicalId, Map<String, Object> properties, Map<String, String> globalEnvironment,
                                         int globalTimeout, Map<String, Object> resources) {
        Map<String, String> environment = new LinkedHashMap<>(globalEnvironment);
        environment.putAll(environment(properties));
        List<HttpRoute> routes = new ArrayList<>();
        String scheduleInput = null;
        QueueSource queueSource = null;
        for (Object declared : CloudFormationYaml.map(properties.get("Events")).values()) {
            Map<String, Object> event = CloudFormationYaml.map(declared);
            Map<String, Object> eventProperties = CloudFormationYaml.map(event.get("Properties"));
            if ("HttpApi".equals(event.get("Type"))) {
                Object authorizer = CloudFormationYaml.map(eventProperties.get("Auth")).get("Authorizer");
                Authorization authorization = authorizer == null ? Authorization.NONE
                        : "AWS_IAM".equals(authorizer) ? Authorization.IAM : Authorization.JWT;
                routes.add(new HttpRoute(((String) eventProperties.get("Method")).toUpperCase(java.util.Locale.ROOT),
                        (String) eventProperties.get("Path"), authorization, logicalId));
            } else if ("ScheduleV2".equals(event.get("Type"))) {
                scheduleInput = (String) eventProperties.get("Input");
            } else if ("SQS".equals(event.get("Type"))) {
                String queueId = String.valueOf(eventProperties.get("Queue")).replace(".Arn", "");
                Map<String, Object> queue = CloudFormationYaml.map(CloudFormationYaml.map(resources.get(queueId)).get("Properties"));
                Object receives = CloudFormationYaml.map(queue.get("RedrivePolicy")).get("maxReceiveCount");
                queueSource = new QueueSource(queueId, Integer.parseInt(String.valueOf(eventProperties.getOrDefault("BatchSize", 10))),
                        receives == null ? 0 : Integer.parseInt(receives.toString()));
            }
        }
        int timeout = properties.get("Timeout") == null ? globalTimeout : Integer.parseInt(properties.get("Timeout").toString());
        return new FunctionSpec(logicalId, (String) properties.get("Handler"), Map.copyOf(environment), List.copyOf(routes),
                scheduleInput, timeout, queueSource);
    }

    /** Variable name to its template value (an intrinsic such as {@code !Ref X} reads as {@code X}). */
    private static Map<String, String> environment(Map<String, Object> functionProperties) {
        Map<String, Object> variables = CloudFormationYaml.map(CloudFormationYaml.map(functionProperties.get("Environment"))
                .get("Variables"));
        Map<String, String> environment = new LinkedHashMap<>();
        variables.forEach((name, value) -> environment.put(name, String.valueOf(value)));
        return environment;
    }
}

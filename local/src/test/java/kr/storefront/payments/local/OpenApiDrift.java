package kr.storefront.payments.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import kr.storefront.payments.local.ApiContract.AnyObject;
import kr.storefront.payments.local.ApiContract.Arr;
import kr.storefront.payments.local.ApiContract.Auth;
import kr.storefront.payments.local.ApiContract.ErrorCode;
import kr.storefront.payments.local.ApiContract.NoBody;
import kr.storefront.payments.local.ApiContract.Obj;
import kr.storefront.payments.local.ApiContract.Operation;
import kr.storefront.payments.local.ApiContract.Scalar;
import kr.storefront.payments.local.ApiContract.Shape;

/**
 * Compares an OpenAPI 3 document (as SnakeYAML reads it) with the {@link ApiContract} the code states and
 * the routes {@code template.yaml} gives API Gateway; answers every difference, one sentence each.
 *
 * <p>Conventions of {@code docs/openapi.yaml} it relies on: each operation states its {@code security}
 * ({@code []}, {@code CustomerJwt} or {@code SigV4}); schemas may be {@code $ref}s into
 * {@code components}, and a response that has more than one body shape uses {@code oneOf}; the error
 * codes are the {@code enum} of {@code components.schemas.ErrorBody.properties.code}, whose
 * {@code x-statuses} gives each code's statuses; every operation has a {@code default} response in the
 * error shape (the statuses a route can answer whatever it is: 500, 503 when the store is down, ...), next to
 * the statuses the code answers on that route, each of which is required.
 */
final class OpenApiDrift {

    static final Map<String, Auth> SECURITY_SCHEMES = Map.of("CustomerJwt", Auth.JWT, "SigV4", Auth.IAM);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A route as template.yaml declares it. */
    record TemplateRoute(String method, String path, Auth auth) { }

    private final Map<String, Object> document;
    private final List<String> problems = new ArrayList<>();

    private OpenApiDrift(Map<String, Object> document) {
        this.document = document;
    }

    static List<String> problems(Map<String, Object> document, ApiContract code, List<TemplateRoute> template) {
        OpenApiDrift drift = new OpenApiDrift(document);
        drift.compareTemplate(code, template);
        drift.compareOperations(code);
        drift.compareErrorCodes(code);
        return List.copyOf(drift.problems);
    }

    private void compareTemplate(ApiContract code, List<TemplateRoute> template) {
        Map<String, Auth> declared = new LinkedHashMap<>();
        template.forEach(route -> declared.put(route.method() + " " + route.path(), route.auth()));
        for (Operation operation : code.operations()) {
            Auth auth = declared.remove(operation.key());
            if (auth == null) {
                problems.add(operation.key() + ": in the controllers, but template.yaml has no HttpApi event for it");
            } else if (auth != operation.auth()) {
                problems.add(operation.key() + ": template.yaml authorizes it " + auth + ", the code expects " + operation.auth());
            }
        }
        declared.keySet().forEach(key -> problems.add(key + ": an HttpApi event in template.yaml, but no controller route"
                + " (CodeContract reads the controllers of checkout and verify)"));
    }

    private void compareOperations(ApiContract code) {
        Map<String, Map<String, Object>> documented = new LinkedHashMap<>();
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                documented.put(method.toUpperCase(Locale.ROOT) + " " + path, map(operation));
            }
        }));
        for (Operation operation : code.operations()) {
            Map<String, Object> described = documented.remove(operation.key());
            if (described == null) {
                problems.add(operation.key() + ": route missing from the document");
                continue;
            }
            compareOperation(operation, described, code.errorShape());
        }
        documented.keySet().forEach(key -> problems.add(key + ": documented, but no such route in the code"));
    }

    private void compareOperation(Operation operation, Map<String, Object> described, Shape errorShape) {
        String at = operation.key();
        if (!described.containsKey("security")) {
            problems.add(at + ": states no security (use [] for a public route)");
        } else {
            Set<Auth> auths = new LinkedHashSet<>();
            for (Object requirement : list(described.get("security"))) {
                map(requirement).keySet().forEach(scheme -> auths.add(SECURITY_SCHEMES.get(scheme)));
            }
            Auth auth = auths.isEmpty() ? Auth.NONE : auths.size() == 1 ? auths.iterator().next() : null;
            if (auth != operation.auth()) {
                problems.add(at + ": documented security " + described.get("security") + ", the code expects " + operation.auth());
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Object parameter : list(described.get("parameters"))) {
            Map<String, Object> resolved = resolve(map(parameter));
            parameters.put(String.valueOf(resolved.get("name")), String.valueOf(resolved.get("in")));
        }
        operation.parameters().forEach((name, in) -> {
            String documentedIn = parameters.remove(name);
            if (documentedIn == null) {
                problems.add(at + ": " + in + " parameter " + name + " missing from the document");
            } else if (!documentedIn.equalsIgnoreCase(in)) {
                problems.add(at + ": parameter " + name + " documented in " + documentedIn + ", the code reads it from " + in);
            }
        });
        parameters.forEach((name, in) -> problems.add(at + ": documents " + in + " parameter " + name + ", which the code never reads"));

        Map<String, Object> requestBody = described.get("requestBody") == null ? Map.of() : resolve(map(described.get("requestBody")));
        Map<String, Object> requestContent = new LinkedHashMap<>(map(requestBody.get("content")));
        operation.requestBodies().forEach((mediaType, shape) -> {
            Object media = requestContent.remove(mediaType);
            if (media == null) {
                problems.add(at + ": request body " + mediaType + " missing from the document");
            } else {
                compareSchema(at + " request " + mediaType, map(map(media).get("schema")), shape, true);
            }
        });
        requestContent.keySet().forEach(mediaType -> problems.add(at + ": documents a " + mediaType
                + " request body, which the code does not read"));

        Map<String, Object> responses = map(described.get("responses"));
        operation.responses().forEach((status, shape) -> {
            Object response = responses.get(String.valueOf(status));
            if (response == null) {
                response = responses.get(status); // an unquoted YAML key
            }
            if (response == null) {
                problems.add(at + ": status " + status + " missing from the document");
                return;
            }
            Map<String, Object> content = map(resolve(map(response)).get("content"));
            if (shape instanceof NoBody) {
                if (!content.isEmpty()) {
                    problems.add(at + " " + status + ": documented with a body, the code answers none");
                }
            } else if (!content.containsKey("application/json")) {
                problems.add(at + " " + status + ": application/json body missing from the document");
            } else {
                compareSchema(at + " " + status, map(map(content.get("application/json")).get("schema")), shape, false);
            }
        });
        if (!responses.containsKey("default")) {
            problems.add(at + ": no default response (every other error, in the one error shape)");
        } else {
            Map<String, Object> content = map(resolve(map(responses.get("default"))).get("content"));
            compareSchema(at + " default", map(map(content.get("application/json")).get("schema")), errorShape, false);
        }
        for (Object status : responses.keySet()) {
            String text = String.valueOf(status);
            if (text.matches("[23]\\d\\d") && !operation.responses().containsKey(Integer.parseInt(text))) {
                problems.add(at + ": documents status " + text + ", which the code never answers");
            }
        }
    }

    private void compareErrorCodes(ApiContract code) {
        Map<String, Object> codeSchema = map(map(resolve(schema("ErrorBody")).get("properties")).get("code"));
        Set<String> enumerated = new TreeSet<>();
        list(codeSchema.get("enum")).forEach(value -> enumerated.add(String.valueOf(value)));
        Map<String, Object> statuses = map(codeSchema.get("x-statuses"));
        Set<String> used = new TreeSet<>();
        for (ErrorCode error : code.errorCodes()) {
            used.add(error.code());
            if (!enumerated.contains(error.code())) {
                problems.add("error code " + error.code() + " missing from ErrorBody.code's enum");
            }
            Set<String> listed = new TreeSet<>();
            list(statuses.get(error.code())).forEach(status -> listed.add(String.valueOf(status)));
            if (!listed.contains(String.valueOf(error.status()))) {
                problems.add("error code " + error.code() + ": status " + error.status() + " missing from ErrorBody.code's x-statuses");
            }
        }
        statuses.forEach((value, listed) -> list(listed).forEach(status -> {
            if (!code.errorCodes().contains(new ErrorCode(Integer.parseInt(String.valueOf(status)), value))) {
                problems.add("error code " + value + ": x-statuses documents " + status + ", which the code never answers with it");
            }
        }));
        enumerated.stream().filter(value -> !used.contains(value))
                .forEach(value -> problems.add("error code " + value + " is documented, but the code never answers it"));
    }

    private void compareSchema(String at, Map<String, Object> schema, Shape shape, boolean request) {
        List<String> found = new ArrayList<>();
        schemaProblems(at, schema, shape, request, found);
        problems.addAll(found);
    }

    private void schemaProblems(String at, Map<String, Object> declared, Shape shape, boolean request, List<String> found) {
        Map<String, Object> schema = resolve(declared);
        if (schema.containsKey("oneOf")) {
            List<String> best = null;
            for (Object alternative : list(schema.get("oneOf"))) {
                List<String> attempt = new ArrayList<>();
                schemaProblems(at, map(alternative), shape, request, attempt);
                if (best == null || attempt.size() < best.size()) {
                    best = attempt;
                }
            }
            found.addAll(best == null ? List.of(at + ": empty oneOf") : best);
            return;
        }
        Object type = schema.get("type");
        if (shape instanceof Scalar scalar) {
            if (!scalar.type().equals(type)) {
                found.add(at + ": documented as " + type + ", the code has " + scalar.type());
            }
        } else if (shape instanceof Arr array) {
            if (!"array".equals(type)) {
                found.add(at + ": documented as " + type + ", the code has an array");
            } else {
                schemaProblems(at + "[]", map(schema.get("items")), array.items(), request, found);
            }
        } else if (shape instanceof AnyObject) {
            if (!"object".equals(type) || schema.containsKey("properties")) {
                found.add(at + ": the code has a free-form object; document `type: object` without properties");
            }
        } else if (shape instanceof Obj object) {
            if (!"object".equals(type)) {
                found.add(at + ": documented as " + type + ", the code has an object (" + object.javaType() + ")");
                return;
            }
            Map<String, Object> properties = new LinkedHashMap<>(map(schema.get("properties")));
            object.properties().forEach((name, property) -> {
                Object documented = properties.remove(name);
                if (documented == null) {
                    found.add(at + ": field " + name + " missing from the document");
                } else {
                    schemaProblems(at + "." + name, map(documented), property, request, found);
                }
            });
            properties.keySet().forEach(name -> found.add(at + ": documents field " + name + ", which "
                    + object.javaType() + " does not have"));
            if (request) {
                Set<String> required = new TreeSet<>();
                list(schema.get("required")).forEach(name -> required.add(String.valueOf(name)));
                if (!required.equals(new TreeSet<>(object.required()))) {
                    found.add(at + ": documented required " + required + ", the code requires " + new TreeSet<>(object.required()));
                }
            }
        } else {
            found.add(at + ": the code answers no body here");
        }
    }

    private Map<String, Object> schema(String name) {
        return map(map(map(document.get("components")).get("schemas")).get(name));
    }

    /** Follows {@code $ref: '#/components/...'} (local references only). */
    private Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        for (int hops = 0; current.containsKey("$ref") && hops < 10; hops++) {
            String ref = String.valueOf(current.get("$ref"));
            if (!ref.startsWith("#/")) {
                problems.add("only local $refs are followed: " + ref);
                return Map.of();
            }
            Object target = document;
            for (String part : ref.substring(2).split("/")) {
                target = map(target).get(part);
            }
            if (target == null) {
                problems.add("$ref to nothing: " + ref);
                return Map.of();
            }
            current = map(target);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof Collection<?> collection ? List.copyOf(collection.stream().filter(Objects::nonNull).toList())
                : List.of();
    }
}

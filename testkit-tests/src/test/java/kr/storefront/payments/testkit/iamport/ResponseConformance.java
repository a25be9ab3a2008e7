package kr.storefront.payments.testkit.iamport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Definition;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Field;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.JsonType;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Operation;

/**
 * Holds one API answer to the schema digest: the HTTP status must be one the schema documents for the
 * endpoint (or 400, see below); the body must be exactly the envelope {@code {code, message, response}};
 * a success's {@code response} must have only the definition's fields, each of its JSON type, and every
 * required one not null; every other answer must carry a non-zero code, a message and a null response.
 */
final class ResponseConformance {

    /**
     * The schema documents 400 for other V1 operations but not for ours; i'mport answers bad parameters
     * with it (reference §1.2) and the sandbox does the same, so it is allowed everywhere.
     */
    static final int BAD_PARAMETERS = 400;
    private static final Set<String> ENVELOPE = Set.of("code", "message", "response");

    private final V1SchemaDigest digest = V1SchemaDigest.load();

    List<String> violations(Endpoint endpoint, int status, JsonNode body) {
        Operation operation = digest.operation(endpoint);
        var problems = new ArrayList<String>();
        String where = endpoint + " HTTP " + status;
        if (!operation.documentedStatuses().contains(status) && status != BAD_PARAMETERS) {
            problems.add(where + ": the schema documents only " + operation.documentedStatuses() + " (and we allow 400)");
        }
        if (body == null || !body.isObject()) {
            problems.add(where + ": the body is not a JSON envelope");
            return problems;
        }
        Set<String> keys = new TreeSet<>();
        body.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(ENVELOPE)) {
            problems.add(where + ": envelope keys " + keys + ", expected " + ENVELOPE);
        }
        checkObject(where, digest.envelope(), withoutResponse(body), problems);
        JsonNode code = body.get("code");
        JsonNode response = body.path("response");
        boolean succeeded = status == 200 && code != null && code.isIntegralNumber() && code.asLong() == 0;
        if (succeeded) {
            if (!response.isObject()) {
                problems.add(where + ": code 0 without a response object");
            } else {
                checkObject(where + " response", digest.definition(operation.successDefinition()), response, problems);
            }
        } else {
            if (code != null && code.isIntegralNumber() && code.asLong() == 0) {
                problems.add(where + ": an error answer with code 0");
            }
            if (!response.isNull()) {
                problems.add(where + ": an error answer with a response");
            }
            if (!body.path("message").isTextual() || body.path("message").asText().isBlank()) {
                problems.add(where + ": an error answer without a message");
            }
        }
        return problems;
    }

    private void checkObject(String where, Definition definition, JsonNode object, List<String> problems) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (definition.field(name).isEmpty()) {
                problems.add(where + ": " + name + " is not a field of " + definition.name());
            }
        }
        for (Field field : definition.fields().values()) {
            JsonNode value = object.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    problems.add(where + ": required " + definition.name() + "." + field.name() + " is "
                            + (value == null ? "missing" : "null"));
                }
                continue;
            }
            if (!field.type().accepts(value)) {
                problems.add(where + ": " + definition.name() + "." + field.name() + " is " + value.getNodeType()
                        + " (" + value + "), the schema says " + field.type().wire());
                continue;
            }
            if (field.type() == JsonType.OBJECT) {
                checkObject(where + "." + field.name(), digest.definition(field.definition()), value, problems);
            }
            if (field.type() == JsonType.ARRAY) {
                checkItems(where + "." + field.name(), field.items(), value, problems);
            }
        }
    }

    private void checkItems(String where, String items, JsonNode array, List<String> problems) {
        boolean scalar = Set.of("string", "integer", "number", "boolean").contains(items);
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (scalar) {
                if (!JsonType.fromWire(items).accepts(item)) {
                    problems.add(where + "[" + i + "] is " + item.getNodeType() + ", the schema says " + items);
                }
            } else if (!item.isObject()) {
                problems.add(where + "[" + i + "] is not an object");
            } else {
                checkObject(where + "[" + i + "]", digest.definition(items), item, problems);
            }
        }
    }

    private static JsonNode withoutResponse(JsonNode body) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove("response");
        return copy;
    }
}

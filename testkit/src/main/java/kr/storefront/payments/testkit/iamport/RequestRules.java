package kr.storefront.payments.testkit.iamport;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.In;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.JsonType;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Operation;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Parameter;

/**
 * Holds every request to the parameters the schema digest lists for its endpoint: nothing unlisted, each of its
 * type, every required one present. A refusal is an {@link InvalidRequestException} (HTTP 400, the envelope,
 * reference §1.2) that names the parameter and never its value, which may be card data.
 *
 * <p>Stricter than i'mport is known to be, on purpose (the sandbox's choice): i'mport's handling of unlisted
 * parameters is undocumented, and refusing them keeps a client that passes here from sending anything the
 * schema does not list. JSON values must have the schema's JSON type ({@code "8900"} is not a number, an
 * integer is a number); form and query values are text that must read as that type. A null JSON value or a
 * blank text counts as absent.
 */
final class RequestRules {

    private final V1SchemaDigest digest;

    RequestRules(V1SchemaDigest digest) {
        this.digest = digest;
    }

    void check(Endpoint endpoint, ApiRequest request) {
        Operation operation = digest.operation(endpoint);
        request.query().forEach((name, value) -> {
            Parameter parameter = operation.parameter(In.QUERY, name).orElseThrow(() -> unlisted(name));
            checkText(parameter, value);
        });
        for (Map.Entry<String, Object> field : request.params().asMap().entrySet()) {
            Parameter parameter = bodyParameter(operation, field.getKey()).orElseThrow(() -> unlisted(field.getKey()));
            if (!parameter.name().equals(field.getKey())) {
                continue; // a form-encoded member of an object or array, e.g. extra[requester]
            }
            if (request.jsonBody()) {
                checkJson(parameter, field.getValue());
            } else {
                checkText(parameter, (String) field.getValue());
            }
        }
        for (In in : List.of(In.FORM_DATA, In.QUERY)) {
            for (Parameter parameter : operation.parameters(in)) {
                if (parameter.required() && absent(request, parameter)) {
                    throw new InvalidRequestException(parameter.name() + " 은(는) 필수 파라미터입니다.");
                }
            }
        }
    }

    /** The parameter {@code name} belongs to: itself, or for {@code extra[requester]} an object or array {@code extra}. */
    private static Optional<Parameter> bodyParameter(Operation operation, String name) {
        Optional<Parameter> exact = operation.parameter(In.FORM_DATA, name);
        int bracket = name.indexOf('[');
        if (exact.isPresent() || bracket <= 0 || !name.endsWith("]")) {
            return exact;
        }
        return operation.parameter(In.FORM_DATA, name.substring(0, bracket))
                .filter(parameter -> parameter.type() == JsonType.OBJECT || parameter.type() == JsonType.ARRAY);
    }

    private static boolean absent(ApiRequest request, Parameter parameter) {
        Object value = parameter.in() == In.QUERY ? request.query().get(parameter.name())
                : request.params().asMap().get(parameter.name());
        return value == null || (value instanceof String text && text.isBlank());
    }

    private static void checkJson(Parameter parameter, Object value) {
        if (value == null) {
            return;
        }
        boolean typed = switch (parameter.type()) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof BigInteger;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case ARRAY -> value instanceof List<?>;
            case OBJECT -> value instanceof Map<?, ?>;
        };
        if (!typed) {
            throw wrongType(parameter);
        }
        if (value instanceof String text) {
            checkAllowed(parameter, text);
        }
    }

    private static void checkText(Parameter parameter, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        boolean typed = switch (parameter.type()) {
            case STRING -> true;
            case INTEGER -> text.matches("-?\\d{1,18}");
            case NUMBER -> isNumber(text);
            case BOOLEAN -> text.equals("true") || text.equals("false");
            // objects and arrays come form-encoded as name[member]=value, never as one flat value
            case ARRAY, OBJECT -> false;
        };
        if (!typed) {
            throw wrongType(parameter);
        }
        checkAllowed(parameter, text);
    }

    private static void checkAllowed(Parameter parameter, String value) {
        if (!parameter.allowed().isEmpty() && !parameter.allowed().contains(value)) {
            throw new InvalidRequestException(parameter.name() + " 은(는) " + String.join(", ", parameter.allowed())
                    + " 중 하나여야 합니다.");
        }
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static InvalidRequestException unlisted(String name) {
        return new InvalidRequestException(name + " 은(는) 이 API 가 받지 않는 파라미터입니다.");
    }

    private static InvalidRequestException wrongType(Parameter parameter) {
        return new InvalidRequestException(parameter.name() + " 은(는) " + parameter.type().wire() + " 이어야 합니다.");
    }
}

package kr.storefront.payments.testkit.iamport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Our digest of PortOne's published V1 schema ({@code portone-io/developers.portone.io},
 * {@code src/schema/v1.openapi.json} at {@code af926bd}) for the endpoints the sandbox serves: parameter and
 * field names, JSON types and required flags, read from the resource {@code v1-schema-digest.json} next to
 * this class (its {@code source} and {@code conventions} say how it was made and how to read it). The
 * sandbox refuses requests that break it; tests hold the sandbox's answers and the client's payloads to it.
 */
public final class V1SchemaDigest {

    private static final String RESOURCE = "v1-schema-digest.json";
    private static final V1SchemaDigest INSTANCE = read();

    /** A JSON type of the schema. */
    public enum JsonType {
        STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT;

        /** Whether a JSON value (not null) is of this type; a whole number is a number too, not the reverse. */
        public boolean accepts(JsonNode value) {
            return switch (this) {
                case STRING -> value.isTextual();
                case INTEGER -> value.isIntegralNumber();
                case NUMBER -> value.isNumber();
                case BOOLEAN -> value.isBoolean();
                case ARRAY -> value.isArray();
                case OBJECT -> value.isObject();
            };
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static JsonType fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** Where a parameter goes, in the schema's words. */
    public enum In {
        /** A body field, JSON or form-encoded. */
        FORM_DATA,
        QUERY,
        PATH;

        static In fromWire(String value) {
            return switch (value) {
                case "formData" -> FORM_DATA;
                case "query" -> QUERY;
                case "path" -> PATH;
                default -> throw new IllegalStateException("unknown parameter location " + value);
            };
        }
    }

    /**
     * @param requiredFor    our PGs for which the schema marks it required although it is not in general
     * @param unsupportedFor our PGs for which the schema marks it unsupported
     * @param allowed        the enum, or empty for any value
     */
    public record Parameter(String name, In in, JsonType type, boolean required, List<String> requiredFor,
                            List<String> unsupportedFor, List<String> allowed) {
    }

    /**
     * @param items      for arrays: a definition name or a JSON type name
     * @param definition for objects: the definition name
     */
    public record Field(String name, JsonType type, boolean required, String items, String definition) {
    }

    public record Definition(String name, Map<String, Field> fields) {

        public Optional<Field> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }
    }

    /**
     * @param responses documented HTTP statuses, each with the definition of the envelope's {@code response}
     *                  (empty where the schema documents no body)
     * @param pgs       our PGs the schema lists as supported, or empty when it lists none
     */
    public record Operation(Endpoint endpoint, String method, String path, List<Parameter> parameters,
                            Map<Integer, Optional<String>> responses, List<String> pgs) {

        public List<Parameter> parameters(In in) {
            return parameters.stream().filter(parameter -> parameter.in() == in).toList();
        }

        public Optional<Parameter> parameter(In in, String name) {
            return parameters.stream().filter(p -> p.in() == in && p.name().equals(name)).findFirst();
        }

        public Set<Integer> documentedStatuses() {
            return responses.keySet();
        }

        /** The definition of {@code response} in a successful answer. */
        public String successDefinition() {
            return responses.get(200).orElseThrow();
        }
    }

    private final JsonNode source;
    private final Map<Endpoint, Operation> operations;
    private final Map<String, Definition> definitions;

    private V1SchemaDigest(JsonNode source, Map<Endpoint, Operation> operations, Map<String, Definition> definitions) {
        this.source = source;
        this.operations = operations;
        this.definitions = definitions;
    }

    public static V1SchemaDigest load() {
        return INSTANCE;
    }

    /** The {@code source} object: repository, path and commit of the schema the digest was made from. */
    public JsonNode source() {
        return source;
    }

    public Operation operation(Endpoint endpoint) {
        Operation operation = operations.get(endpoint);
        if (operation == null) {
            throw new IllegalStateException("the digest has no " + endpoint);
        }
        return operation;
    }

    public List<Operation> operations() {
        return List.copyOf(operations.values());
    }

    public Definition definition(String name) {
        Definition definition = definitions.get(name);
        if (definition == null) {
            throw new IllegalStateException("the digest has no definition " + name);
        }
        return definition;
    }

    /** The envelope {@code {code, message}}; {@code response} is the operation's definition. */
    public Definition envelope() {
        return definition("ResponseAnnotation");
    }

    private static V1SchemaDigest read() {
        JsonNode root;
        try (InputStream in = V1SchemaDigest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the testkit");
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var definitions = new LinkedHashMap<String, Definition>();
        root.get("definitions").fields().forEachRemaining(entry -> definitions.put(entry.getKey(),
                new Definition(entry.getKey(), fields(entry.getValue().get("fields")))));
        var operations = new EnumMap<Endpoint, Operation>(Endpoint.class);
        for (JsonNode node : root.get("endpoints")) {
            Endpoint endpoint = Endpoint.valueOf(node.get("endpoint").asText());
            var parameters = new ArrayList<Parameter>();
            for (JsonNode p : node.get("parameters")) {
                parameters.add(new Parameter(p.get("name").asText(), In.fromWire(p.get("in").asText()),
                        JsonType.fromWire(p.get("type").asText()), p.get("required").asBoolean(),
                        strings(p.get("required_for")), strings(p.get("unsupported_for")), strings(p.get("enum"))));
            }
            var responses = new TreeMap<Integer, Optional<String>>();
            node.get("responses").fields().forEachRemaining(entry -> responses.put(Integer.parseInt(entry.getKey()),
                    entry.getValue().isNull() ? Optional.empty() : Optional.of(entry.getValue().asText())));
            operations.put(endpoint, new Operation(endpoint, node.get("method").asText(), node.get("path").asText(),
                    List.copyOf(parameters), Collections.unmodifiableMap(responses), strings(node.get("pgs"))));
        }
        return new V1SchemaDigest(root.get("source"), operations, Map.copyOf(definitions));
    }

    private static Map<String, Field> fields(JsonNode nodes) {
        var fields = new LinkedHashMap<String, Field>();
        for (JsonNode f : nodes) {
            fields.put(f.get("name").asText(), new Field(f.get("name").asText(), JsonType.fromWire(f.get("type").asText()),
                    f.get("required").asBoolean(), text(f.get("items")), text(f.get("definition"))));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static List<String> strings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        var values = new ArrayList<String>();
        node.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.asText();
    }
}

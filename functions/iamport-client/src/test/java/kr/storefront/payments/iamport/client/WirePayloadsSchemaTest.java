package kr.storefront.payments.iamport.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Definition;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Field;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.In;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.JsonType;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Operation;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest.Parameter;
import kr.storefront.payments.testkit.iamport.V1SchemaDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's JSON records ({@link WirePayloads}, {@link Envelope}) against the testkit's digest of PortOne's
 * V1 schema: what we read must be a field of the answer's definition under its name and of its JSON type;
 * what we send must be a parameter the endpoint lists, of its type, and every required one must be sent.
 * Java types map to JSON types as String ↔ string, Long/Integer ↔ integer, BigDecimal ↔ number,
 * Boolean ↔ boolean. Reading is strict (a number is read as BigDecimal, never as a Long that a 8900.0 would
 * break); a request may send an integer where the schema says number, since every integer is a JSON number.
 */
class WirePayloadsSchemaTest {

    private static final V1SchemaDigest DIGEST = V1SchemaDigest.load();
    /** The PG our API-mode calls (onetime, customers) use: its per-PG required parameters apply to them. */
    private static final String API_MODE_PG = "tosspayments";

    /**
     * Required parameters a record may leave null for now, and why; each must still be nullable (else the entry
     * is stale and the test says so).
     */
    private static final Map<String, String> NULLABLE_FOR_NOW = Map.of();

    static Stream<Arguments> responseRecords() {
        return Stream.of(
                Arguments.of(WirePayloads.Token.class, "AuthAnnotation"),
                Arguments.of(WirePayloads.Payment.class, "PaymentAnnotation"),
                Arguments.of(WirePayloads.CancelHistory.class, "PaymentCancelAnnotation"),
                Arguments.of(WirePayloads.Customer.class, "CustomerAnnotation"),
                Arguments.of(WirePayloads.Prepared.class, "PaymentPrepareAnnotation"),
                Arguments.of(Envelope.class, "ResponseAnnotation"));
    }

    static Stream<Arguments> requestRecords() {
        return Stream.of(
                Arguments.of(WirePayloads.TokenRequest.class, Endpoint.GET_TOKEN),
                Arguments.of(WirePayloads.PrepareRequest.class, Endpoint.PREPARE),
                Arguments.of(WirePayloads.CancelRequest.class, Endpoint.CANCEL),
                Arguments.of(WirePayloads.AgainRequest.class, Endpoint.AGAIN),
                Arguments.of(WirePayloads.OnetimeRequest.class, Endpoint.ONETIME),
                Arguments.of(WirePayloads.CustomerRequest.class, Endpoint.ISSUE_BILLING_KEY));
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @MethodSource("responseRecords")
    void responseRecord_readsOnlyFieldsOfTheDefinition_underTheirNamesAndTypes(Class<?> record, String definitionName) {
        Definition definition = DIGEST.definition(definitionName);
        var problems = new ArrayList<String>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = wireName(component);
            if (record == Envelope.class && name.equals("response")) {
                continue; // the payload: its definition is checked as a record of its own
            }
            Optional<Field> field = definition.field(name);
            if (field.isEmpty()) {
                problems.add(name + " is not a field of " + definitionName);
                continue;
            }
            JsonType read = jsonType(component);
            if (read != field.get().type()) {
                problems.add(name + " is read as " + component.getType().getSimpleName() + " (" + read.wire()
                        + "), the schema says " + field.get().type().wire());
            }
        }
        assertThat(problems).as(record.getSimpleName()).isEmpty();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("requestRecords")
    void requestRecord_sendsOnlyParametersTheEndpointLists_ofTheirTypes(Class<?> record, Endpoint endpoint) {
        Operation operation = DIGEST.operation(endpoint);
        var problems = new ArrayList<String>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = wireName(component);
            Optional<Parameter> parameter = operation.parameter(In.FORM_DATA, name);
            if (parameter.isEmpty()) {
                problems.add(name + " is not a body parameter of " + operation.method() + " " + operation.path());
                continue;
            }
            JsonType sent = jsonType(component);
            JsonType expected = parameter.get().type();
            boolean compatible = sent == expected || (sent == JsonType.INTEGER && expected == JsonType.NUMBER);
            if (!compatible) {
                problems.add(name + " is sent as " + sent.wire() + ", the schema says " + expected.wire());
            }
            if (parameter.get().unsupportedFor().contains(API_MODE_PG) && !nullable(component)) {
                problems.add(name + " is always sent, but the schema marks it unsupported for " + API_MODE_PG);
            }
        }
        assertThat(problems).as(record.getSimpleName()).isEmpty();
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("requestRecords")
    void requestRecord_alwaysSendsEveryRequiredParameter(Class<?> record, Endpoint endpoint) {
        Operation operation = DIGEST.operation(endpoint);
        var problems = new ArrayList<String>();
        for (Parameter parameter : operation.parameters(In.FORM_DATA)) {
            // on endpoints only our API-mode PG supports, what the schema requires for that PG is required of us
            boolean apiModeOnly = operation.pgs().equals(List.of(API_MODE_PG));
            boolean required = parameter.required() || (apiModeOnly && parameter.requiredFor().contains(API_MODE_PG));
            if (!required) {
                continue;
            }
            Optional<RecordComponent> component = Arrays.stream(record.getRecordComponents())
                    .filter(c -> wireName(c).equals(parameter.name())).findFirst();
            String key = record.getSimpleName() + "." + parameter.name();
            if (component.isEmpty()) {
                problems.add(parameter.name() + " is required but not sent");
            } else if (nullable(component.get()) && !NULLABLE_FOR_NOW.containsKey(key)) {
                problems.add(parameter.name() + " is required but may be left out (@Nullable)");
            } else if (!nullable(component.get()) && NULLABLE_FOR_NOW.containsKey(key)) {
                problems.add(key + " is no longer nullable: remove it from NULLABLE_FOR_NOW");
            }
        }
        assertThat(problems).as(record.getSimpleName()).isEmpty();
    }

    /** The names read by reflection above are the ones Micronaut Serde really writes and reads. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allRecords")
    void reflectedNames_areTheNamesSerdeUses(Class<?> record) throws Exception {
        Object instance = sample(record);

        Map<?, ?> written = ObjectMapper.getDefault().readValue(ObjectMapper.getDefault().writeValueAsBytes(instance), Map.class);
        Set<String> writtenNames = new LinkedHashSet<>();
        written.keySet().forEach(key -> writtenNames.add(String.valueOf(key)));

        Set<String> reflected = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            reflected.add(wireName(component));
        }
        assertThat(writtenNames).as(record.getSimpleName()).containsExactlyInAnyOrderElementsOf(reflected);
    }

    @Test
    void nullableForNow_entriesNameRealComponents() {
        for (String key : NULLABLE_FOR_NOW.keySet()) {
            String recordName = key.substring(0, key.indexOf('.'));
            String name = key.substring(key.indexOf('.') + 1);
            boolean found = requestRecords().map(arguments -> (Class<?>) arguments.get()[0])
                    .filter(record -> record.getSimpleName().equals(recordName))
                    .flatMap(record -> Arrays.stream(record.getRecordComponents()))
                    .anyMatch(component -> wireName(component).equals(name));
            assertThat(found).as(key).isTrue();
        }
    }

    static Stream<Class<?>> allRecords() {
        return Stream.concat(responseRecords(), requestRecords()).<Class<?>>map(arguments -> (Class<?>) arguments.get()[0])
                .filter(record -> record != Envelope.class);
    }

    private static String wireName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) {
            try {
                property = component.getDeclaringRecord().getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }

    private static boolean nullable(RecordComponent component) {
        return component.getAccessor().isAnnotationPresent(Nullable.class)
                || component.getAccessor().getAnnotatedReturnType().isAnnotationPresent(Nullable.class);
    }

    private static JsonType jsonType(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return JsonType.STRING;
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return JsonType.INTEGER;
        }
        if (type == BigDecimal.class) {
            return JsonType.NUMBER;
        }
        if (type == Boolean.class || type == boolean.class) {
            return JsonType.BOOLEAN;
        }
        if (type == List.class) {
            return JsonType.ARRAY;
        }
        throw new AssertionError(component + ": no JSON type mapped for " + type.getName());
    }

    /** An instance with every component set, so NON_NULL records write them all. */
    private static Object sample(Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = types[i] == List.class
                    // one element, so a list is written (Serde leaves empty ones out)
                    ? List.of(sample((Class<?>) ((java.lang.reflect.ParameterizedType) components[i].getGenericType())
                            .getActualTypeArguments()[0]))
                    : sampleValue(types[i]);
        }
        var constructor = record.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    private static Object sampleValue(Class<?> type) {
        if (type == String.class) {
            return "x";
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == BigDecimal.class) {
            return BigDecimal.ONE;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        throw new AssertionError("no sample for " + type.getName());
    }
}

package kr.storefront.payments.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every document read through the application's JsonMapper is exactly typed, whatever the property's
 * type is declared as (primitive or boxed, nested, in a list); the tolerant view keeps Serde's coercion.
 */
class ExactJsonTest {

    @Serdeable
    record Line(@Nullable String sku, @Nullable Integer quantity, int count) { }

    @Serdeable
    record Doc(
            @Nullable Long price,
            long total,
            @Nullable Integer quantity,
            int count,
            @Nullable Boolean escrow,
            boolean active,
            @Nullable String name,
            @JsonProperty("plan_id") @Nullable String planId,
            @Nullable Short small,
            @Nullable Byte tiny,
            @Nullable BigInteger big,
            @Nullable Line line,
            @Nullable List<Line> lines,
            @Nullable Map<String, String> mids,
            @Nullable Number number,
            @Nullable CharSequence text) { }

    private static ApplicationContext context;
    private static JsonMapper json;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run();
        json = context.getBean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"price\": 1.5}                           | price",
        "{\"price\": 2.0}                           | price",
        "{\"price\": 1e3}                           | price",
        "{\"price\": \"2\"}                         | price",
        "{\"price\": true}                          | price",
        "{\"price\": [2]}                           | price",
        "{\"price\": {}}                            | price",
        "{\"price\": 9223372036854775808}           | price",
        "{\"total\": 2.5}                           | total",
        "{\"total\": \"2\"}                         | total",
        "{\"quantity\": 2.5}                        | quantity",
        "{\"quantity\": \"2\"}                      | quantity",
        "{\"quantity\": true}                       | quantity",
        "{\"quantity\": 2147483648}                 | quantity",
        "{\"count\": 2.5}                           | count",
        "{\"count\": false}                         | count",
        "{\"escrow\": \"yes\"}                      | escrow",
        "{\"escrow\": \"true\"}                     | escrow",
        "{\"escrow\": 1}                            | escrow",
        "{\"escrow\": [true]}                       | escrow",
        "{\"active\": \"false\"}                    | active",
        "{\"active\": 0}                            | active",
        "{\"name\": 5}                              | name",
        "{\"name\": true}                           | name",
        "{\"name\": [\"BEANS-1KG\"]}                | name",
        "{\"name\": {\"a\": \"b\"}}                 | name",
        "{\"plan_id\": 7}                           | plan_id",
        "{\"small\": 1.5}                           | small",
        "{\"small\": 40000}                         | small",
        "{\"tiny\": 300}                            | tiny",
        "{\"big\": 1.5}                             | big",
        "{\"big\": \"1\"}                           | big",
        "{\"line\": {\"quantity\": 2.5}}            | line.quantity",
        "{\"line\": {\"count\": \"2\"}}             | line.count",
        "{\"line\": {\"sku\": [\"BEANS-1KG\"]}}     | line.sku",
        "{\"lines\": [{\"quantity\": 2.5}]}         | lines[0].quantity",
        "{\"lines\": [{\"quantity\": 1}, {\"sku\": 5}] } | lines[1].sku",
        "{\"mids\": {\"tosspayments\": 1}}          | mids"})
    void wrongJsonTypes_areRefused_namingTheField(String document, String field) {
        Throwable refused = catchThrowable(() -> json.readValue(document, Doc.class));

        assertThat(refused).as(document).isInstanceOf(IOException.class);
        assertThat(JsonErrorPath.of(refused)).as(document).contains(field);
    }

    @Test
    void exactValues_areAccepted() throws IOException {
        Doc doc = json.readValue("{\"price\": 9223372036854775807, \"total\": -3, \"quantity\": 2, \"count\": 0,"
                + " \"escrow\": false, \"active\": true, \"name\": \"BEANS-1KG\", \"plan_id\": \"monthly\", \"small\": -32768,"
                + " \"tiny\": 127, \"big\": 123456789012345678901234567890, \"line\": {\"sku\": \"A\", \"quantity\": 99, \"count\": 1},"
                + " \"lines\": [{\"sku\": \"B\", \"quantity\": 1, \"count\": 2}, null], \"mids\": {\"tosspayments\": \"tosstest\"},"
                + " \"number\": 1.5, \"text\": \"t\"}", Doc.class);

        assertThat(doc.price()).isEqualTo(Long.MAX_VALUE);
        assertThat(doc.total()).isEqualTo(-3L);
        assertThat(doc.quantity()).isEqualTo(2);
        assertThat(doc.count()).isZero();
        assertThat(doc.escrow()).isFalse();
        assertThat(doc.active()).isTrue();
        assertThat(doc.name()).isEqualTo("BEANS-1KG");
        assertThat(doc.planId()).isEqualTo("monthly");
        assertThat(doc.small()).isEqualTo((short) -32768);
        assertThat(doc.tiny()).isEqualTo((byte) 127);
        assertThat(doc.big()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(doc.line()).isEqualTo(new Line("A", 99, 1));
        assertThat(doc.lines()).containsExactly(new Line("B", 1, 2), null);
        assertThat(doc.mids()).containsEntry("tosspayments", "tosstest");
        // types the exact deserializers do not cover keep Serde's own handling
        assertThat(doc.number()).isEqualTo(1.5);
        assertThat(doc.text()).hasToString("t");
    }

    @Test
    void nullsAndMissingProperties_keepTheirMeaning() throws IOException {
        Doc doc = json.readValue("{\"price\": null, \"quantity\": null, \"escrow\": null, \"name\": null, \"line\": null,"
                + " \"lines\": [{\"sku\": null}]}", Doc.class);

        assertThat(doc.price()).isNull();
        assertThat(doc.quantity()).isNull();
        assertThat(doc.escrow()).isNull();
        assertThat(doc.name()).isNull();
        assertThat(doc.line()).isNull();
        assertThat(doc.lines()).containsExactly(new Line(null, null, 0));
        assertThat(doc.total()).isZero();
        assertThat(doc.active()).isFalse();
    }

    @Test
    void refusals_neverQuoteTheRejectedValue() {
        for (String document : List.of("{\"name\": 987654321}", "{\"price\": \"4242424242\"}", "{\"escrow\": \"sesame\"}",
                "{\"lines\": [{\"sku\": [\"XYZZY-SKU\"]}]}", "{\"quantity\": 31415.9265}")) {
            Throwable refused = catchThrowable(() -> json.readValue(document, Doc.class));

            assertThat(refused).as(document).isNotNull();
            for (Throwable t = refused; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).as(document)
                        .doesNotContain("987654321").doesNotContain("4242424242").doesNotContain("sesame")
                        .doesNotContain("XYZZY").doesNotContain("31415");
            }
        }
    }

    @Test
    void tolerantView_keepsSerdesCoercion() throws IOException {
        JsonMapper tolerant = TolerantJson.of(json);

        Doc doc = tolerant.readValue("{\"price\": 1.5, \"quantity\": \"2\", \"count\": true, \"escrow\": \"yes\","
                + " \"name\": 5, \"line\": {\"sku\": [\"BEANS-1KG\"], \"quantity\": 2.5}}", Doc.class);

        assertThat(doc.price()).isEqualTo(1L);
        assertThat(doc.quantity()).isEqualTo(2);
        assertThat(doc.count()).isEqualTo(1);
        assertThat(doc.escrow()).isFalse();
        assertThat(doc.name()).isEqualTo("5");
        assertThat(doc.line()).isEqualTo(new Line("BEANS-1KG", 2, 0));
        // the application's mapper itself stays exact
        assertThatThrownBy(() -> json.readValue("{\"price\": 1.5}", Doc.class)).isInstanceOf(IOException.class);
    }
}

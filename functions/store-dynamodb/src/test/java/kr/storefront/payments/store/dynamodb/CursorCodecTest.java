package kr.storefront.payments.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import kr.storefront.payments.core.store.InvalidCursorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Cursors are bound to the query that made them, and their key stays inside that query's range. */
class CursorCodecTest {

    private static final QuerySpec PRODUCTS = QuerySpec.withPrefix(TableKeys.CATALOG_PK, TableKeys.PRODUCT_PREFIX);
    private static final QuerySpec PLANS = QuerySpec.withPrefix(TableKeys.CATALOG_PK, TableKeys.PLAN_PREFIX);
    private static final QuerySpec DUE = QuerySpec.indexAtMost(TableKeys.DUE_SUBSCRIPTIONS, "2026-01-01T00:00:00Z");

    @Test
    void aCursor_roundTripsForItsOwnQuery() {
        Map<String, AttributeValue> key = Map.of("pk", s("CATALOG"), "sk", s("PRODUCT#A"));

        assertThat(CursorCodec.decode(CursorCodec.encode(key, PRODUCTS), PRODUCTS)).isEqualTo(key);
    }

    @Test
    void aCursor_ofAnotherListInTheSamePartition_isRefused() {
        String productCursor = CursorCodec.encode(Map.of("pk", s("CATALOG"), "sk", s("PRODUCT#A")), PRODUCTS);

        assertThatThrownBy(() -> CursorCodec.decode(productCursor, PLANS)).isInstanceOf(InvalidCursorException.class)
                .hasMessage("page cursor does not belong to this list");
    }

    @Test
    void aCursor_ofAnotherCustomer_isRefused() {
        QuerySpec keysOfA = QuerySpec.withPrefix(TableKeys.customerPk("a"), TableKeys.BILLING_KEY_PREFIX);
        QuerySpec keysOfB = QuerySpec.withPrefix(TableKeys.customerPk("b"), TableKeys.BILLING_KEY_PREFIX);
        String cursorOfA = CursorCodec.encode(Map.of("pk", s(TableKeys.customerPk("a")), "sk", s("BILLINGKEY#x")), keysOfA);

        assertThatThrownBy(() -> CursorCodec.decode(cursorOfA, keysOfB)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aCursorForgedWithTheRightBinding_butAKeyOutsideTheQuery_isRefused() {
        // the binding is no secret: what keeps DynamoDB from refusing the start key (a 503) is the range check
        String outside = CursorCodec.encode(Map.of("pk", s("CATALOG"), "sk", s("PLAN#A")), PRODUCTS);
        String otherPartition = CursorCodec.encode(Map.of("pk", s("ORDER#1"), "sk", s("PRODUCT#A")), PRODUCTS);
        String extraAttribute = CursorCodec.encode(Map.of("pk", s("CATALOG"), "sk", s("PRODUCT#A"), "gsi1pk", s("x")), PRODUCTS);
        String afterTheBound = CursorCodec.encode(Map.of("pk", s("SUB#1"), "sk", s("SUB"), "gsi1pk", s(TableKeys.DUE_SUBSCRIPTIONS),
                "gsi1sk", s("2026-01-02")), DUE);
        String missingTableKey = CursorCodec.encode(Map.of("gsi1pk", s(TableKeys.DUE_SUBSCRIPTIONS), "gsi1sk", s("2025")), DUE);

        for (String cursor : new String[] {outside, otherPartition, extraAttribute}) {
            assertThatThrownBy(() -> CursorCodec.decode(cursor, PRODUCTS)).isInstanceOf(InvalidCursorException.class);
        }
        assertThatThrownBy(() -> CursorCodec.decode(afterTheBound, DUE)).isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> CursorCodec.decode(missingTableKey, DUE)).isInstanceOf(InvalidCursorException.class);
        assertThat(CursorCodec.decode(CursorCodec.encode(Map.of("pk", s("SUB#1"), "sk", s("SUB"),
                "gsi1pk", s(TableKeys.DUE_SUBSCRIPTIONS), "gsi1sk", s("2025-12-31")), DUE), DUE)).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-base64!!", "AA", "Ag", "EAAAAAAAAAAAAAAAAA", "////", "\r\nERROR"})
    void aGarbledCursor_isMalformed(String cursor) {
        assertThatThrownBy(() -> CursorCodec.decode(cursor, PRODUCTS)).isInstanceOf(InvalidCursorException.class)
                .hasMessage("malformed page cursor");
    }

    @Test
    void aCursorOfTheEarlierFormat_isMalformed() {
        // version 1 had no binding: a count byte, then the key
        String old = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new byte[] {2, 0, 2, 'p', 'k', 0, 7, 'C', 'A', 'T', 'A', 'L', 'O', 'G', 0, 2, 's', 'k', 0, 1, 'x'});

        assertThatThrownBy(() -> CursorCodec.decode(old, PRODUCTS)).isInstanceOf(InvalidCursorException.class)
                .hasMessage("malformed page cursor");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

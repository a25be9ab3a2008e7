package kr.storefront.payments.local;

import static kr.storefront.payments.local.OpenApiDrift.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.storefront.payments.local.ApiContract.Auth;
import kr.storefront.payments.local.ApiContract.ErrorCode;
import kr.storefront.payments.local.ApiContract.Obj;
import kr.storefront.payments.local.ApiContract.Operation;
import kr.storefront.payments.local.ApiContract.Scalar;
import kr.storefront.payments.local.OpenApiDrift.TemplateRoute;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The drift comparator finds a real drift: the document, the code or the template changed alone. */
@SuppressWarnings("unchecked")
class OpenApiDriftComparatorTest {

    private static ApiContract code;
    private static List<TemplateRoute> template;

    @BeforeAll
    static void readCode() {
        code = CodeContract.read(OpenApiDriftTest.ROOT);
        template = OpenApiDriftTest.templateRoutes();
    }

    @Test
    void theRealDocumentHasNoDrift() {
        assertThat(OpenApiDrift.problems(OpenApiDriftTest.document(), code, template)).isEmpty();
    }

    @Test
    void aRouteMissingFromTheDocumentIsDrift() {
        Map<String, Object> document = OpenApiDriftTest.document();
        map(map(document.get("paths")).get("/checkout/billing-keys")).remove("get");

        assertThat(OpenApiDrift.problems(document, code, template))
                .containsExactly("GET /checkout/billing-keys: route missing from the document");
    }

    @Test
    void aRouteOnlyInTheDocumentIsDrift() {
        Map<String, Object> document = OpenApiDriftTest.document();
        map(document.get("paths")).put("/checkout/orders/{merchant_uid}",
                new HashMap<>(Map.of("get", map(map(map(document.get("paths")).get("/checkout/pgs")).get("get")))));

        assertThat(OpenApiDrift.problems(document, code, template))
                .containsExactly("GET /checkout/orders/{merchant_uid}: documented, but no such route in the code");
    }

    @Test
    void aFieldMissingFromTheDocumentIsDrift() {
        Map<String, Object> document = OpenApiDriftTest.document();
        map(map(schemas(document).get("Subscription")).get("properties")).remove("next_charge_at");
        map(map(schemas(document).get("SubscribeBody")).get("properties")).remove("first_charge_at");

        assertThat(OpenApiDrift.problems(document, code, template)).contains(
                "GET /checkout/subscriptions 200.items[]: field next_charge_at missing from the document",
                "DELETE /checkout/subscriptions/{subscription_id} 200: field next_charge_at missing from the document",
                "POST /checkout/subscriptions 201: field next_charge_at missing from the document",
                "POST /checkout/subscriptions request application/json: field first_charge_at missing from the document");
    }

    @Test
    void aFieldOfAnotherTypeOrRequirednessIsDrift() {
        Map<String, Object> document = OpenApiDriftTest.document();
        map(map(map(schemas(document).get("Product")).get("properties")).get("price")).put("type", "string");
        map(schemas(document).get("ProductBody")).put("required", new ArrayList<>(List.of("name", "price")));

        assertThat(OpenApiDrift.problems(document, code, template)).contains(
                "GET /checkout/products 200.items[].price: documented as string, the code has integer",
                "PUT /checkout/admin/products/{sku} request application/json: documented required [name, price], "
                        + "the code requires [active, name, price]");
    }

    @Test
    void aStatusMissingFromTheDocumentIsDrift() {
        Map<String, Object> document = OpenApiDriftTest.document();
        map(map(map(map(document.get("paths")).get("/checkout/payments/card")).get("post")).get("responses")).remove("402");
        map(map(map(map(document.get("paths")).get("/webhooks/iamport")).get("post")).get("responses")).remove("403");

        assertThat(OpenApiDrift.problems(document, code, template)).containsExactlyInAnyOrder(
                "POST /checkout/payments/card: status 402 missing from the document",
                "POST /webhooks/iamport: status 403 missing from the document");
    }

    @Test
    void anErrorCodeMissingFromTheDocumentIsDrift() {
        Map<String, Object> document = OpenApiDriftTest.document();
        Map<String, Object> codeSchema = map(map(map(schemas(document).get("ErrorBody")).get("properties")).get("code"));
        ((List<?>) codeSchema.get("enum")).remove("card_rejected");
        map(codeSchema.get("x-statuses")).remove("card_rejected");

        assertThat(OpenApiDrift.problems(document, code, template)).containsExactlyInAnyOrder(
                "error code card_rejected missing from ErrorBody.code's enum",
                "error code card_rejected: status 422 missing from ErrorBody.code's x-statuses");
    }

    @Test
    void anErrorStatusOnlyInTheDocumentIsDrift() {
        Map<String, Object> document = OpenApiDriftTest.document();
        Map<String, Object> codeSchema = map(map(map(schemas(document).get("ErrorBody")).get("properties")).get("code"));
        map(codeSchema.get("x-statuses")).put("not_found", new ArrayList<>(List.of(404, 410)));
        ((List<Object>) codeSchema.get("enum")).add("gone");

        assertThat(OpenApiDrift.problems(document, code, template)).containsExactlyInAnyOrder(
                "error code not_found: x-statuses documents 410, which the code never answers with it",
                "error code gone is documented, but the code never answers it");
    }

    @Test
    void anotherAuthInTheDocumentIsDrift() {
        Map<String, Object> document = OpenApiDriftTest.document();
        map(map(map(document.get("paths")).get("/checkout/admin/plans/{plan_id}")).get("put")).put("security", List.of());

        assertThat(OpenApiDrift.problems(document, code, template))
                .containsExactly("PUT /checkout/admin/plans/{plan_id}: documented security [], the code expects IAM");
    }

    @Test
    void codeThatGrewARouteAFieldOrAStatusIsDrift() {
        List<Operation> operations = new ArrayList<>(code.operations());
        Operation pgs = operations.stream().filter(o -> o.key().equals("GET /checkout/pgs")).findFirst().orElseThrow();
        Obj listing = (Obj) pgs.responses().get(200);
        Map<String, ApiContract.Shape> properties = new HashMap<>(listing.properties());
        properties.put("currency", new Scalar("string"));
        Map<Integer, ApiContract.Shape> responses = new HashMap<>(pgs.responses());
        responses.put(200, new Obj(listing.javaType(), properties, Set.of()));
        responses.put(429, code.errorShape());
        operations.set(operations.indexOf(pgs), new Operation(pgs.method(), pgs.path(), pgs.auth(), pgs.parameters(),
                pgs.requestBodies(), responses));
        operations.add(new Operation("GET", "/checkout/orders/{merchant_uid}", Auth.NONE, Map.of("merchant_uid", "path"),
                Map.of(), Map.of(200, new Scalar("string"))));
        List<TemplateRoute> grown = new ArrayList<>(template);
        grown.add(new TemplateRoute("GET", "/checkout/orders/{merchant_uid}", Auth.NONE));

        assertThat(OpenApiDrift.problems(OpenApiDriftTest.document(), new ApiContract(operations, code.errorCodes(),
                code.errorShape()), grown)).containsExactlyInAnyOrder(
                "GET /checkout/pgs 200: field currency missing from the document",
                "GET /checkout/pgs: status 429 missing from the document",
                "GET /checkout/orders/{merchant_uid}: route missing from the document");
    }

    @Test
    void controllersAndTemplateMustAgree() {
        List<TemplateRoute> lessOne = new ArrayList<>(template);
        lessOne.removeIf(route -> route.path().equals("/webhooks/iamport"));
        lessOne.replaceAll(route -> route.path().equals("/checkout/billing-keys") && route.method().equals("GET")
                ? new TemplateRoute(route.method(), route.path(), Auth.NONE) : route);

        assertThat(OpenApiDrift.problems(OpenApiDriftTest.document(), code, lessOne)).containsExactlyInAnyOrder(
                "POST /webhooks/iamport: in the controllers, but template.yaml has no HttpApi event for it",
                "GET /checkout/billing-keys: template.yaml authorizes it NONE, the code expects JWT");
    }

    @Test
    void theErrorMappingIsReadFromItsSource() {
        String source = """
                return new Mapped(HttpStatus.GONE, "gone", "no longer here");
                case NOT_FOUND -> new Mapped(status, "not_found", "no such route");
                default -> status.getCode() < 500 ? new Mapped(status, "invalid_request", "malformed")
                """;

        assertThat(CodeContract.errorMapping(source)).containsExactly(new ErrorCode(410, "gone"), new ErrorCode(404, "not_found"));
        assertThatThrownBy(() -> CodeContract.errorMapping("new Mapped(statusFor(e), \"teapot\", \"?\")"))
                .hasMessageContaining("teach CodeContract the new form");
    }

    @Test
    void aDemoCallOfAnUndocumentedRouteIsFound() {
        String script = """
                await api('GET', '/checkout/pgs');
                await api('POST', '/checkout/orders', body, { idempotent: true });
                await api('GET', '/checkout/orders/' + encodeURIComponent(id));
                await api('PUT', '/checkout/subscriptions/' + id, undefined, { auth: true });
                await api('POST', '/local/token', { sub });
                """;

        assertThat(OpenApiDriftTest.undocumentedCalls(script, OpenApiDriftTest.document()))
                .containsExactly("GET /checkout/orders/<id>", "PUT /checkout/subscriptions/<id>");
    }

    @Test
    void theDemoPathMatcherTakesAnAppendedId() {
        assertThat(OpenApiDriftTest.matches("/checkout/subscriptions/{subscription_id}", "/checkout/subscriptions/", true)).isTrue();
        assertThat(OpenApiDriftTest.matches("/checkout/subscriptions/{subscription_id}", "/checkout/subscriptions", false)).isFalse();
        assertThat(OpenApiDriftTest.matches("/checkout/orders", "/checkout/orders", false)).isTrue();
        assertThat(OpenApiDriftTest.matches("/checkout/orders", "/checkout/order", false)).isFalse();
    }

    private static Map<String, Object> schemas(Map<String, Object> document) {
        return map(map(document.get("components")).get("schemas"));
    }
}

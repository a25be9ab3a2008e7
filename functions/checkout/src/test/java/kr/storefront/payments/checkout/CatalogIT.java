package kr.storefront.payments.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Catalog administration behind IAM, and prices flowing from it into checkout. */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogIT {

    private static final String ADMIN = "arn:aws:iam::123456789012:user/admin";

    private FunctionTestBed bed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        bed = CheckoutTestSupport.start(emulator, Map.of());
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @Test
    void adminRoute_withoutIamSigning_is403_evenWithAJwt() {
        HttpApiResponse anonymous = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/CHEAP")
                .body("{\"name\":\"Cheap\",\"price\":1,\"active\":true}"));
        HttpApiResponse customer = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/CHEAP").signedInAs("user-1")
                .body("{\"name\":\"Cheap\",\"price\":1,\"active\":true}"));

        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(customer.status()).isEqualTo(403);
        assertThat(bed.invoke(HttpApiEvent.request("GET", "/checkout/products")).json().path("items"))
                .noneSatisfy(p -> assertThat(p.path("sku").asText()).isEqualTo("CHEAP"));
    }

    @Test
    void adminRoute_signedByAPrincipalNotOnTheAllowList_is403_andChangesNothing() {
        String body = "{\"name\":\"Cheap\",\"price\":1,\"active\":true}";
        HttpApiResponse intruder = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/BEANS-1KG")
                .signedByIam("arn:aws:iam::123456789012:user/intern").body(body));
        HttpApiResponse otherRole = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/BEANS-1KG")
                .signedByIam("arn:aws:sts::123456789012:assumed-role/support/alice").body(body));
        HttpApiResponse otherAccount = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/plans/monthly-coffee")
                .signedByIam("arn:aws:sts::210987654321:assumed-role/catalog-editor/alice")
                .body("{\"name\":\"P\",\"amount\":1,\"interval\":{\"unit\":\"month\",\"count\":1},\"active\":true}"));
        HttpApiResponse noIdentity = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/BEANS-1KG")
                .signedByIam(null).body(body));

        for (HttpApiResponse refused : new HttpApiResponse[] {intruder, otherRole, otherAccount, noIdentity}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("forbidden");
            assertThat(refused.body()).doesNotContain("intern").doesNotContain("arn:");
        }
        assertThat(bed.invoke(HttpApiEvent.request("GET", "/checkout/products").query("limit", "100")).json().path("items"))
                .anySatisfy(p -> {
                    assertThat(p.path("sku").asText()).isEqualTo("BEANS-1KG");
                    assertThat(p.path("price").asLong()).isGreaterThan(1);
                });
    }

    @Test
    void adminRoute_signedByASessionOfAnAllowListedRole_isAllowed() {
        // AdminPrincipalArns lists arn:aws:iam::123456789012:role/ops/catalog-editor (a role with a path)
        HttpApiResponse session = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/ROLE-MADE")
                .signedByIam("arn:aws:sts::123456789012:assumed-role/catalog-editor/alice")
                .body("{\"name\":\"By a role\",\"price\":1200,\"active\":true}"));

        assertThat(session.status()).isEqualTo(200);
        assertThat(session.json().path("price").asLong()).isEqualTo(1200);
    }

    @Test
    void adminRoute_withAnEmptyAllowList_refusesEveryone(AwsEmulator emulator) {
        try (FunctionTestBed closed = CheckoutTestSupport.start(emulator, Map.of("checkout.admin.principal-arns", ""))) {
            HttpApiResponse admin = closed.invoke(HttpApiEvent.fromSample("checkout-admin-product-put.json"));

            assertThat(admin.status()).isEqualTo(403);
            assertThat(admin.errorCode()).isEqualTo("forbidden");
        }
    }

    @Test
    void catalogLists_refuseEachOthersCursor_andAGarbledOne_as400() {
        for (String id : new String[] {"CURSOR-A", "CURSOR-B"}) {
            bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/" + id).signedByIam("arn:aws:iam::123456789012:user/admin")
                    .body("{\"name\":\"Cursor\",\"price\":1000,\"active\":true}"));
            bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/plans/" + id.toLowerCase()).signedByIam("arn:aws:iam::123456789012:user/admin")
                    .body("{\"name\":\"Cursor\",\"amount\":1000,\"interval\":{\"unit\":\"month\",\"count\":1},\"active\":true}"));
        }
        String productCursor = bed.invoke(HttpApiEvent.request("GET", "/checkout/products").query("limit", "1")).json()
                .path("next_cursor").asText();
        String planCursor = bed.invoke(HttpApiEvent.request("GET", "/checkout/plans").query("limit", "1")).json()
                .path("next_cursor").asText();

        HttpApiResponse plansWithProductCursor = bed.invoke(HttpApiEvent.request("GET", "/checkout/plans").query("cursor", productCursor));
        HttpApiResponse productsWithPlanCursor = bed.invoke(HttpApiEvent.request("GET", "/checkout/products").query("cursor", planCursor));
        HttpApiResponse garbled = bed.invoke(HttpApiEvent.request("GET", "/checkout/products").query("cursor", "%%not a cursor"));
        HttpApiResponse ownNextPage = bed.invoke(HttpApiEvent.request("GET", "/checkout/plans").query("cursor", planCursor));

        assertThat(productCursor).isNotEmpty();
        assertThat(planCursor).isNotEmpty();
        assertThat(ownNextPage.status()).isEqualTo(200);
        for (HttpApiResponse refused : new HttpApiResponse[] {plansWithProductCursor, productsWithPlanCursor, garbled}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("error").path("code").asText()).isEqualTo("invalid_cursor");
            assertThat(refused.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("cursor");
            assertThat(refused.header("Retry-After")).isNull();
        }
    }

    @Test
    void upsertedPrice_isWhatTheNextOrderCharges() {
        HttpApiResponse upsert = bed.invoke(HttpApiEvent.fromSample("checkout-admin-product-put.json").body(
                "{\"name\":\"Coffee beans 1kg\",\"price\":21000,\"active\":true}"));

        JsonNode order = bed.invoke(HttpApiEvent.request("POST", "/checkout/orders")
                .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":2}],\"pg\":\"kakaopay\",\"device\":\"pc\"}")).json();

        assertThat(upsert.status()).isEqualTo(200);
        assertThat(order.path("amount").asLong()).isEqualTo(42_000);
        bed.invoke(HttpApiEvent.fromSample("checkout-admin-product-put.json")); // restore 18,000
    }

    @Test
    void digitalProduct_isUpsertedAndListedAsDigital_andProductsAreNotDigitalByDefault() {
        HttpApiResponse digital = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/EBOOK")
                .signedByIam("arn:aws:iam::123456789012:user/admin").body("{\"name\":\"E-book\",\"price\":9000,\"active\":true,\"digital\":true}"));
        HttpApiResponse physical = bed.invoke(HttpApiEvent.fromSample("checkout-admin-product-put.json"));

        assertThat(digital.json().path("digital").asBoolean()).isTrue();
        assertThat(physical.json().path("digital").isBoolean()).isTrue();
        assertThat(physical.json().path("digital").asBoolean()).isFalse();
    }

    @Test
    void planUpsert_andPublicListing() {
        HttpApiResponse upsert = bed.invoke(HttpApiEvent.fromSample("checkout-admin-plan-put.json"));
        JsonNode plans = bed.invoke(HttpApiEvent.fromSample("checkout-plans-list.json")).json();

        assertThat(upsert.status()).isEqualTo(200);
        assertThat(plans.path("items")).anySatisfy(plan -> {
            assertThat(plan.path("plan_id").asText()).isEqualTo("monthly-coffee");
            assertThat(plan.path("interval").path("unit").asText()).isEqualTo("month");
        });
    }

    @Test
    void everyUpsert_isAudited_withWhoAndWhatChanged_listedByTheItemsLookup() {
        String editor = "arn:aws:sts::123456789012:assumed-role/catalog-editor/alice";
        bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/AUDITED-MUG").signedByIam(ADMIN)
                .body("{\"name\":\"Mug\",\"price\":12000,\"active\":true}"));
        bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/AUDITED-MUG").signedByIam(editor)
                .body("{\"name\":\"Mug (blue)\",\"price\":9000,\"active\":false}"));
        bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/products/AUDITED-MUG").signedByIam(editor)
                .body("{\"name\":\"Mug (blue)\",\"price\":9000,\"active\":false}"));
        bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/plans/audited-plan").signedByIam(ADMIN)
                .body("{\"name\":\"P\",\"amount\":5000,\"interval\":{\"unit\":\"month\",\"count\":1},\"active\":true}"));
        bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/plans/audited-plan").signedByIam(ADMIN)
                .body("{\"name\":\"P\",\"amount\":5000,\"interval\":{\"unit\":\"day\",\"count\":7},\"active\":true}"));

        HttpApiResponse product = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/products/AUDITED-MUG").signedByIam(ADMIN));
        HttpApiResponse plan = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/plans/audited-plan").signedByIam(ADMIN));

        assertThat(product.status()).isEqualTo(200);
        assertThat(product.json().path("product").path("price").asLong()).isEqualTo(9000);
        assertThat(product.json().path("product").path("active").asBoolean()).as("inactive ones too").isFalse();
        JsonNode trail = product.json().path("audit");
        assertThat(trail).extracting(e -> e.path("principal_arn").asText()).containsExactly(ADMIN, editor, editor);
        assertThat(trail).extracting(e -> e.path("detail").asText()).containsExactly("new: 12000 won, active, physical",
                "name changed, price 12000 → 9000 won, active true → false", "unchanged");
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("upsert");
            assertThat(e.path("outcome").asText()).isEqualTo("saved");
            assertThat(e.path("request_id").asText()).as("API Gateway's request id").isNotBlank();
        });
        assertThat(plan.json().path("plan").path("interval").path("unit").asText()).isEqualTo("day");
        assertThat(plan.json().path("audit")).extracting(e -> e.path("detail").asText())
                .containsExactly("new: 5000 won every 1 month, active, physical", "interval 1 month → 7 days");
    }

    @Test
    void catalogLookups_ofAnUnknownItem_are404_andNeedTheAllowList() {
        HttpApiResponse missing = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/products/NO-SUCH-SKU").signedByIam(ADMIN));
        HttpApiResponse customer = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/products/BEANS-1KG").signedInAs("user-1"));
        HttpApiResponse intruder = bed.invoke(HttpApiEvent.request("GET", "/checkout/admin/plans/monthly-coffee")
                .signedByIam("arn:aws:iam::123456789012:user/intern"));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("NO-SUCH-SKU");
        assertThat(customer.status()).isEqualTo(403);
        assertThat(intruder.status()).isEqualTo(403);
        assertThat(intruder.errorCode()).isEqualTo("forbidden");
    }

    @Test
    void adminBody_invalid_is400() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("PUT", "/checkout/admin/plans/bad!plan")
                .signedByIam("arn:aws:iam::123456789012:user/admin")
                .body("{\"name\":\"\",\"amount\":-5,\"interval\":{\"unit\":\"week\",\"count\":0},\"active\":true}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("details")).extracting(d -> d.path("field").asText())
                .contains("plan_id", "name", "amount", "interval.unit", "interval.count");
    }
}

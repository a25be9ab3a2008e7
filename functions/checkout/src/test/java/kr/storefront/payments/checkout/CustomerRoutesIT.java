package kr.storefront.payments.checkout;

import static kr.storefront.payments.checkout.CheckoutTestSupport.MONTHLY_AMOUNT;
import static kr.storefront.payments.checkout.CheckoutTestSupport.customer;
import static kr.storefront.payments.checkout.CheckoutTestSupport.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.checkout.TossCustomerKey;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Billing keys and subscriptions: authentication, ownership, and the PG rules of billing-key windows. */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerRoutesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FunctionTestBed bed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        bed = CheckoutTestSupport.start(emulator, Map.of());
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /checkout/billing-keys", "POST /checkout/billing-keys", "DELETE /checkout/billing-keys/cuid_x",
            "POST /checkout/subscriptions", "GET /checkout/subscriptions", "DELETE /checkout/subscriptions/sub_x",
            "POST /checkout/billing-keys/card", "POST /checkout/payments/card"})
    void customerRoutes_withoutAValidatedToken_are401(String route) {
        String[] parts = route.split(" ");
        HttpApiResponse response = bed.invoke(HttpApiEvent.request(parts[0], parts[1]).body("{}")
                .header("authorization", "Bearer forged.jwt.token"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("unauthenticated");
    }

    @Test
    void billingWindow_fromTheFixture_kakaopayShowsAndChargesNothingByDefault() {
        HttpApiResponse response = bed.invoke(HttpApiEvent.fromSample("checkout-billing-keys-create.json"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        String customerUid = body.path("customer_uid").asText();
        assertThat(customerUid).matches("cuid_[a-z2-7]{24}");
        JsonNode params = body.path("params");
        assertThat(params.path("pg").asText()).isEqualTo("kakaopay");
        assertThat(params.path("customer_uid").asText()).isEqualTo(customerUid);
        assertThat(params.has("amount")).isTrue();
        assertThat(params.path("amount").asLong()).isZero();
        assertThat(params.has("pay_method")).isFalse();
        assertThat(params.path("name").asText()).isEqualTo("Monthly coffee");
        assertThat(bed.sandbox().preparedAmount(body.path("merchant_uid").asText())).isEmpty();
    }

    @Test
    void billingWindow_kakaopayFirstPeriod_isChargedOnlyWhenAskedExplicitly() {
        JsonNode body = bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys").signedInAs(customer())
                .body("{\"pg\":\"kakaopay\",\"plan_id\":\"monthly-coffee\",\"charge_first_period\":true,\"device\":\"mobile\"}")).json();

        assertThat(body.path("params").path("amount").asLong()).isEqualTo(MONTHLY_AMOUNT);
        assertThat(body.path("amount").asLong()).isEqualTo(MONTHLY_AMOUNT);
        assertThat(bed.sandbox().preparedAmount(body.path("merchant_uid").asText())).contains(MONTHLY_AMOUNT);
    }

    @Test
    void billingWindow_tosspayments_isCardOnly_withOurStableCustomerId_andNeverCharges() {
        String customer = customer();
        JsonNode body = bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys").signedInAs(customer)
                .body("{\"pg\":\"tosspayments\",\"plan_id\":\"monthly-coffee\",\"device\":\"pc\"}")).json();
        JsonNode params = body.path("params");

        assertThat(params.path("pay_method").asText()).isEqualTo("card");
        assertThat(params.path("customer_id").asText()).isEqualTo(TossCustomerKey.of(customer)).doesNotContain(customer);
        assertThat(params.path("amount").asLong()).isEqualTo(MONTHLY_AMOUNT);
        assertThat(body.path("amount").asLong()).isZero();
        assertThat(bed.sandbox().preparedAmount(body.path("merchant_uid").asText())).isEmpty();
    }

    @Test
    void billingWindow_retriedWithTheSameKey_keepsTheSameCustomerUid() {
        String customer = customer();
        HttpApiEvent request = HttpApiEvent.request("POST", "/checkout/billing-keys").signedInAs(customer)
                .header("Idempotency-Key", key()).body("{\"pg\":\"tosspayments\",\"device\":\"pc\"}");

        JsonNode first = bed.invoke(request).json();
        JsonNode second = bed.invoke(request).json();

        assertThat(second.path("customer_uid").asText()).isEqualTo(first.path("customer_uid").asText());
        assertThat(bed.invoke(HttpApiEvent.request("GET", "/checkout/billing-keys").signedInAs(customer)).json().path("items"))
                .hasSize(1);
    }

    @Test
    void billingKeys_areListedOnlyToTheirOwner_andOthersCannotDeleteThem() {
        String alice = customer();
        String bob = customer();
        String aliceKey = activeKey(alice);

        JsonNode bobsList = bed.invoke(HttpApiEvent.request("GET", "/checkout/billing-keys").signedInAs(bob)).json();
        assertThat(bobsList.has("items")).as("an empty list is still a list").isTrue();
        HttpApiResponse bobDeletes = bed.invoke(HttpApiEvent.request("DELETE", "/checkout/billing-keys/" + aliceKey).signedInAs(bob));
        JsonNode alicesList = bed.invoke(HttpApiEvent.request("GET", "/checkout/billing-keys").signedInAs(alice)).json();

        assertThat(bobsList.path("items")).isEmpty();
        assertThat(bobDeletes.status()).isEqualTo(404);
        assertThat(alicesList.path("items")).singleElement().satisfies(keyView -> {
            assertThat(keyView.path("customer_uid").asText()).isEqualTo(aliceKey);
            assertThat(keyView.path("status").asText()).isEqualTo("active");
            assertThat(keyView.path("card").path("masked_number").asText()).contains("*");
        });
        assertThat(bed.sandbox().billingKey(aliceKey)).isPresent();
    }

    @Test
    void subscription_onAnActiveKey_thenOthersCannotSeeOrCancelIt() {
        String alice = customer();
        String bob = customer();
        String customerUid = activeKey(alice);

        HttpApiResponse created = bed.invoke(HttpApiEvent.request("POST", "/checkout/subscriptions").signedInAs(alice)
                .body("{\"plan_id\":\"monthly-coffee\",\"customer_uid\":\"" + customerUid + "\",\"first_charge_at\":\"2027-01-31\"}"));
        String id = created.json().path("id").asText();

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("amount").asLong()).isEqualTo(MONTHLY_AMOUNT);
        assertThat(created.json().path("next_charge_at").asText()).isEqualTo("2027-01-30T15:00:00Z");
        assertThat(bed.invoke(HttpApiEvent.request("GET", "/checkout/subscriptions").signedInAs(bob)).json().path("items")).isEmpty();
        assertThat(bed.invoke(HttpApiEvent.request("DELETE", "/checkout/subscriptions/" + id).signedInAs(bob)).status())
                .isEqualTo(404);
        JsonNode cancelled = bed.invoke(HttpApiEvent.request("DELETE", "/checkout/subscriptions/" + id).signedInAs(alice)).json();
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void subscription_onSomeoneElsesKey_isRefused() {
        String aliceKey = activeKey(customer());

        HttpApiResponse response = bed.invoke(HttpApiEvent.request("POST", "/checkout/subscriptions").signedInAs(customer())
                .body("{\"plan_id\":\"monthly-coffee\",\"customer_uid\":\"" + aliceKey + "\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("customer_uid");
    }

    @Test
    void deleteKey_usedByAnActiveSubscription_isRefused_unlessCancelledWithIt() {
        String customer = customer();
        String customerUid = activeKey(customer);
        String subscription = bed.invoke(HttpApiEvent.request("POST", "/checkout/subscriptions").signedInAs(customer)
                .body("{\"plan_id\":\"monthly-coffee\",\"customer_uid\":\"" + customerUid + "\"}")).json().path("id").asText();

        HttpApiResponse refused = bed.invoke(HttpApiEvent.request("DELETE", "/checkout/billing-keys/" + customerUid).signedInAs(customer));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("billing_key_in_use");
        assertThat(bed.sandbox().billingKey(customerUid)).isPresent();

        HttpApiResponse deleted = bed.invoke(HttpApiEvent.request("DELETE", "/checkout/billing-keys/" + customerUid)
                .query("cancel_subscriptions", "true").signedInAs(customer));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("status").asText()).isEqualTo("deleted");
        assertThat(bed.sandbox().billingKey(customerUid)).isEmpty();
        JsonNode subscriptions = bed.invoke(HttpApiEvent.request("GET", "/checkout/subscriptions").signedInAs(customer)).json();
        assertThat(subscriptions.path("items")).singleElement().satisfies(s -> {
            assertThat(s.path("id").asText()).isEqualTo(subscription);
            assertThat(s.path("status").asText()).isEqualTo("cancelled");
        });
    }

    @Test
    void list_pagesWithACursor_andRefusesAForgedOne() {
        String customer = customer();
        for (int i = 0; i < 3; i++) {
            bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys").signedInAs(customer)
                    .body("{\"pg\":\"tosspayments\",\"device\":\"pc\"}"));
        }

        JsonNode first = bed.invoke(HttpApiEvent.request("GET", "/checkout/billing-keys").query("limit", "2").signedInAs(customer)).json();
        JsonNode second = bed.invoke(HttpApiEvent.request("GET", "/checkout/billing-keys").query("limit", "2")
                .query("cursor", first.path("next_cursor").asText()).signedInAs(customer)).json();
        HttpApiResponse stolen = bed.invoke(HttpApiEvent.request("GET", "/checkout/billing-keys")
                .query("cursor", first.path("next_cursor").asText()).signedInAs(customer()));

        assertThat(first.path("items")).hasSize(2);
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.has("next_cursor")).isFalse();
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.json().path("error").path("code").asText()).isEqualTo("invalid_cursor");
        assertThat(stolen.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("cursor");
    }

    @Test
    void subscriptionList_refusesACursorOfAnotherCustomer_ofTheBillingKeyList_andAGarbledOne() {
        String alice = customer();
        String bob = customer();
        String aliceKey = activeKey(alice);
        bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys").signedInAs(alice).body("{\"pg\":\"tosspayments\",\"device\":\"pc\"}"));
        for (int i = 0; i < 2; i++) {
            bed.invoke(HttpApiEvent.request("POST", "/checkout/subscriptions").signedInAs(alice)
                    .body("{\"plan_id\":\"monthly-coffee\",\"customer_uid\":\"" + aliceKey + "\"}"));
        }
        String subscriptionCursor = bed.invoke(HttpApiEvent.request("GET", "/checkout/subscriptions").query("limit", "1")
                .signedInAs(alice)).json().path("next_cursor").asText();
        String keyCursor = bed.invoke(HttpApiEvent.request("GET", "/checkout/billing-keys").query("limit", "1")
                .signedInAs(alice)).json().path("next_cursor").asText();

        HttpApiResponse ownNextPage = bed.invoke(HttpApiEvent.request("GET", "/checkout/subscriptions")
                .query("cursor", subscriptionCursor).signedInAs(alice));
        HttpApiResponse ofAnotherCustomer = bed.invoke(HttpApiEvent.request("GET", "/checkout/subscriptions")
                .query("cursor", subscriptionCursor).signedInAs(bob));
        HttpApiResponse ofTheKeyList = bed.invoke(HttpApiEvent.request("GET", "/checkout/subscriptions")
                .query("cursor", keyCursor).signedInAs(alice));
        HttpApiResponse ofTheSubscriptionList = bed.invoke(HttpApiEvent.request("GET", "/checkout/billing-keys")
                .query("cursor", subscriptionCursor).signedInAs(alice));
        HttpApiResponse garbled = bed.invoke(HttpApiEvent.request("GET", "/checkout/subscriptions")
                .query("cursor", subscriptionCursor.substring(0, subscriptionCursor.length() - 3)).signedInAs(alice));

        assertThat(subscriptionCursor).isNotEmpty();
        assertThat(keyCursor).isNotEmpty();
        assertThat(ownNextPage.status()).isEqualTo(200);
        assertThat(ownNextPage.json().path("items")).hasSize(1);
        for (HttpApiResponse refused : List.of(ofAnotherCustomer, ofTheKeyList, ofTheSubscriptionList, garbled)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("error").path("code").asText()).isEqualTo("invalid_cursor");
            assertThat(refused.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("cursor");
            assertThat(refused.body()).doesNotContain(subscriptionCursor).doesNotContain(keyCursor).doesNotContain("Exception");
        }
    }

    /** A billing key issued through its window and confirmed, as the verify function would. */
    private String activeKey(String customer) {
        JsonNode window = bed.invoke(HttpApiEvent.request("POST", "/checkout/billing-keys").signedInAs(customer)
                .body("{\"pg\":\"tosspayments\",\"device\":\"pc\"}")).json();
        Map<String, Object> params = JSON.convertValue(window.path("params"), new TypeReference<>() { });
        WindowResult result = bed.sandbox().completeWindow(WindowRequest.builder(params).outcome(WindowOutcome.pay()).build());
        bed.bean(ConfirmService.class).confirm(new ConfirmRequest(result.impUid(), result.merchantUid(), ConfirmSource.CALLBACK));
        String customerUid = window.path("customer_uid").asText();
        assertThat(bed.bean(BillingKeyStore.class).find(customer, customerUid).orElseThrow().status())
                .isEqualTo(BillingKeyStatus.ACTIVE);
        return customerUid;
    }
}

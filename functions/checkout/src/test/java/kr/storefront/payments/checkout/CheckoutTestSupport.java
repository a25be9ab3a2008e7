package kr.storefront.payments.checkout;

import java.util.Map;
import java.util.UUID;
import kr.storefront.payments.core.catalog.CatalogService;
import kr.storefront.payments.core.confirm.ConfirmRequest;
import kr.storefront.payments.core.confirm.ConfirmService;
import kr.storefront.payments.core.confirm.ConfirmSource;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.iamport.SandboxOptions;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;

/** The checkout function on the emulator and sandbox, with a small catalog. */
final class CheckoutTestSupport {

    static final String BEANS = "BEANS-1KG";
    static final long BEANS_PRICE = 18_000;
    static final String DRIPPER = "DRIPPER";
    static final long DRIPPER_PRICE = 25_000;
    static final String RETIRED = "RETIRED-MUG";
    static final String MONTHLY = "monthly-coffee";
    static final long MONTHLY_AMOUNT = 29_000;

    /**
     * AdminPrincipalArns of every bed (unless overridden): the tests' admin user, the role the sample events' session
     * assumed ({@code assumed-role/catalog-admin/ops}), and a role with a path.
     */
    static final String ADMINS = "arn:aws:iam::123456789012:user/admin,arn:aws:iam::123456789012:role/catalog-admin,"
            + "arn:aws:iam::123456789012:role/ops/catalog-editor";

    private CheckoutTestSupport() {
    }

    static FunctionTestBed start(AwsEmulator emulator, Map<String, Object> overrides) {
        return start(emulator, overrides, "", SandboxOptions.defaults());
    }

    /** @param secretSettings more members of the i'mport secret (MIDs, channel keys), or "" */
    static FunctionTestBed start(AwsEmulator emulator, Map<String, Object> overrides, String secretSettings) {
        return start(emulator, overrides, secretSettings, SandboxOptions.defaults());
    }

    static FunctionTestBed start(AwsEmulator emulator, Map<String, Object> overrides, SandboxOptions sandboxOptions) {
        return start(emulator, overrides, "", sandboxOptions);
    }

    static FunctionTestBed start(AwsEmulator emulator, Map<String, Object> overrides, String secretSettings,
                                 SandboxOptions sandboxOptions) {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("checkout.admin.principal-arns", ADMINS));
        properties.putAll(overrides);
        FunctionTestBed bed = FunctionTestBed.start(emulator, properties, secretSettings, sandboxOptions);
        CatalogService catalog = bed.bean(CatalogService.class);
        catalog.upsertProduct(BEANS, "Coffee beans 1kg", BEANS_PRICE, true);
        catalog.upsertProduct(DRIPPER, "Ceramic dripper", DRIPPER_PRICE, true);
        catalog.upsertProduct(RETIRED, "Retired mug", 9_000, false);
        catalog.upsertPlan(MONTHLY, "Monthly coffee", MONTHLY_AMOUNT, BillingInterval.months(1), true);
        return bed;
    }

    /**
     * An order paid through the window and confirmed: {@code items} (the JSON array) with tosspayments, {@code payMethod}
     * card or vbank (then deposited).
     */
    static String paidOrder(FunctionTestBed bed, String items, String payMethod) {
        com.fasterxml.jackson.databind.JsonNode order = bed.invoke(kr.storefront.payments.testkit.apigateway.HttpApiEvent
                .request("POST", "/checkout/orders").body("{\"items\":" + items + ",\"pg\":\"tosspayments\",\"pay_method\":\""
                        + payMethod + "\",\"device\":\"pc\"}")).json();
        Map<String, Object> params = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(order.path("params"),
                new com.fasterxml.jackson.core.type.TypeReference<>() { });
        WindowResult window = bed.sandbox().completeWindow(WindowRequest.builder(params)
                .outcome("vbank".equals(payMethod) ? WindowOutcome.issueVbank() : WindowOutcome.pay()).build());
        if (!window.success()) {
            throw new AssertionError("the sandbox window did not pay: " + window);
        }
        if ("vbank".equals(payMethod)) {
            bed.sandbox().depositVbank(window.impUid());
        }
        bed.bean(ConfirmService.class).confirm(new ConfirmRequest(window.impUid(), window.merchantUid(), ConfirmSource.CALLBACK));
        if (bed.bean(OrderStore.class).find(window.merchantUid()).orElseThrow().status() != OrderStatus.PAID) {
            throw new AssertionError("order " + window.merchantUid() + " was not confirmed paid");
        }
        return window.merchantUid();
    }

    static String customer() {
        return "user-" + UUID.randomUUID();
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}

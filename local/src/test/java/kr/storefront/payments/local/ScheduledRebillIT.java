package kr.storefront.payments.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import kr.storefront.payments.testkit.aws.TemplateTable;
import kr.storefront.payments.testkit.iamport.Endpoint;
import org.junit.jupiter.api.Test;

/** {@code ./local-stack --rebill-every 1s}: the scheduled function runs by itself, like EventBridge Scheduler. */
class ScheduledRebillIT {

    @Test
    void rebillEvery_chargesADueSubscriptionOnceWithoutBeingAsked() throws Exception {
        LocalStackOptions options = LocalStackOptions.defaults(TemplateTable.locateTemplate()).withPort(0)
                .withRebillEvery(Duration.ofSeconds(1));
        try (LocalStack stack = LocalStack.start(options)) {
            LocalApi api = new LocalApi(stack);
            String token = api.token("scheduled-buyer");
            LocalApi.Answer window = api.post("/checkout/billing-keys",
                    "{\"pg\":\"tosspayments\",\"plan_id\":\"daily-tea\",\"device\":\"pc\"}", token);
            JsonNode rsp = api.payInWindow(window.body());
            api.post("/payments/confirm", rsp.toString(), null);
            String customerUid = window.body().path("customer_uid").asText();
            LocalApi.Answer subscribed = api.post("/checkout/subscriptions",
                    "{\"plan_id\":\"daily-tea\",\"customer_uid\":\"" + customerUid + "\"}", token);
            assertThat(subscribed.status()).as(subscribed.body().toString()).isEqualTo(201);

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (stack.sandbox().count(Endpoint.AGAIN) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2_500); // two more runs: the period is paid, nothing is due
            assertThat(stack.sandbox().count(Endpoint.AGAIN)).as("charged once by the timer").isEqualTo(1);
            JsonNode subscription = api.get("/checkout/subscriptions", token).body().path("items").get(0);
            assertThat(subscription.path("next_charge_at").asText()).as("advanced by the plan's day")
                    .isGreaterThan(subscribed.body().path("next_charge_at").asText());
        }
    }
}

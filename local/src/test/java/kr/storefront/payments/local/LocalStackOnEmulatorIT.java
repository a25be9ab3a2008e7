package kr.storefront.payments.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.aws.TemplateTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code ./local-stack --aws-endpoint URL}: the same stack on an AWS emulator instead of DynamoDB Local. */
@ExtendWith(AwsEmulatorExtension.class)
class LocalStackOnEmulatorIT {

    @Test
    void awsEndpointFlag_putsTheTableAndTheSecretOnTheEmulator(AwsEmulator emulator) throws Exception {
        LocalStackOptions options = LocalStackOptions.defaults(TemplateTable.locateTemplate()).withPort(0)
                .withAwsEndpoint(emulator.endpoint());
        try (LocalStack stack = LocalStack.start(options)) {
            LocalApi api = new LocalApi(stack);

            LocalApi.Answer order = api.post("/checkout/orders",
                    "{\"items\":[{\"sku\":\"MUG\",\"quantity\":1}],\"pg\":\"kakaopay\",\"device\":\"pc\"}", null);
            JsonNode rsp = api.payInWindow(order.body());
            LocalApi.Answer confirmed = api.post("/payments/confirm", rsp.toString(), null);

            assertThat(order.status()).as(order.body().toString()).isEqualTo(200);
            assertThat(confirmed.body().path("status").asText()).as(confirmed.body().toString()).isEqualTo("paid");
            assertThat(emulator.dynamoDb().describeTable(r -> r.tableName(LocalEnvironment.TABLE)).table().itemCount())
                    .as("orders, catalog and idempotency records live on the emulator").isPositive();
            String secret = emulator.secretsManager().getSecretValue(r -> r.secretId(LocalEnvironment.SECRET_ID)).secretString();
            assertThat(new ObjectMapper().readTree(secret).path("imp_code").asText()).isEqualTo(stack.sandbox().credentials().impCode());
        }
    }
}

package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.testing.Secrets;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.MerchantCredentials;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Production wiring end to end: Secrets Manager and DynamoDB on the emulator, i'mport in the sandbox. */
@ExtendWith(AwsEmulatorExtension.class)
class AdapterWiringIT {

    @Test
    void realAdapters_fetchTheSecret_callIamport_andStoreTheOrder(AwsEmulator emulator) {
        try (IamportSandbox sandbox = IamportSandbox.start()) {
            MerchantCredentials credentials = sandbox.credentials();
            String secretArn = emulator.createSecret("iamport",
                    Secrets.iamportSecret(credentials.impKey(), credentials.impSecret(), credentials.impCode()));
            Map<String, Object> properties = new HashMap<>(emulator.micronautProperties());
            properties.put("store.table-name", emulator.createTable("wiring"));
            properties.put("iamport.secret-id", secretArn);
            properties.put("iamport.base-url", sandbox.baseUrl().toString());
            var paid = sandbox.completeWindow(WindowRequest.builder(Map.of("pg", "kakaopay", "merchant_uid", "ord_wiring_1",
                    "name", "Wiring", "amount", 5000)).outcome(WindowOutcome.pay()).build());

            try (ApplicationContext context = ApplicationContext.run(properties)) {
                IamportGateway gateway = context.getBean(IamportGateway.class);
                OrderStore orders = context.getBean(OrderStore.class);

                assertThat(gateway.findPayment(paid.impUid())).get()
                        .extracting(payment -> payment.status()).isEqualTo(PaymentStatus.PAID);
                assertThat(orders.insert(Order.pending("ord_wiring_2", OrderKind.ONE_TIME, null, "Wiring", 5000, Pg.KAKAOPAY,
                        null, List.of(), null, null, Instant.now())).applied()).isTrue();
                assertThat(orders.find("ord_wiring_2")).isPresent();
                assertThat(sandbox.count(Endpoint.GET_TOKEN)).isEqualTo(1);
            }
        }
    }
}

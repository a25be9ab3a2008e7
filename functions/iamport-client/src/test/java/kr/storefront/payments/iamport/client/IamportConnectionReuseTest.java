package kr.storefront.payments.iamport.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.iamport.client.testing.SandboxContext;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** i'mport calls share a kept-alive connection, but never one left idle longer than the reuse window: its client is discarded. */
class IamportConnectionReuseTest {

    private static IamportSandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = IamportSandbox.start();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void callsInQuickSuccession_goOverOneConnection() {
        try (ApplicationContext context = SandboxContext.start(sandbox, Map.of())) {
            IamportGateway gateway = context.getBean(IamportGateway.class);

            gateway.prepare("ord_reuse_1", 1000);
            gateway.prepare("ord_reuse_2", 2000);
            gateway.findPaymentByMerchantUid("ord_reuse_1", null);

            List<RecordedRequest> calls = sandbox.requests();
            assertThat(calls).hasSize(4); // the token, two prepares, one lookup
            assertThat(calls).extracting(RecordedRequest::connection).containsOnly(calls.get(0).connection());
            assertThat(context.getBean(IamportExchange.class).discardedClients()).as("clients discarded between the calls").isZero();
        }
    }

    @Test
    void aCallAfterAPauseLongerThanTheWindow_opensANewConnection_andStillSucceeds() throws InterruptedException {
        try (ApplicationContext context = SandboxContext.start(sandbox, Map.of("iamport.connection-reuse-window", "100ms"))) {
            IamportGateway gateway = context.getBean(IamportGateway.class);

            gateway.prepare("ord_pause_1", 1000);
            Thread.sleep(300); // a frozen Lambda environment, as far as the client can tell
            gateway.prepare("ord_pause_2", 2000); // a POST: never repeated, so it must not go out on a dead connection

            List<RecordedRequest> calls = sandbox.requests();
            assertThat(calls).extracting(RecordedRequest::status).containsExactly(200, 200, 200);
            assertThat(calls.get(1).connection()).isEqualTo(calls.get(0).connection());
            assertThat(calls.get(2).connection()).isNotEqualTo(calls.get(1).connection());
            assertThat(context.getBean(IamportExchange.class).discardedClients()).as("the idle client, with its pool, discarded").isEqualTo(1);
        }
    }

    @Test
    void aZeroWindow_opensAConnectionPerCall() {
        try (ApplicationContext context = SandboxContext.start(sandbox, Map.of("iamport.connection-reuse-window", "0s"))) {
            IamportGateway gateway = context.getBean(IamportGateway.class);

            gateway.prepare("ord_zero_1", 1000);
            gateway.prepare("ord_zero_2", 2000);

            assertThat(sandbox.requests()).hasSize(3).extracting(RecordedRequest::connection).doesNotHaveDuplicates();
        }
    }
}

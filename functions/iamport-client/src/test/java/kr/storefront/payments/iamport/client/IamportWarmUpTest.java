package kr.storefront.payments.iamport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.iamport.client.testing.SandboxContext;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.IamportSandbox;
import kr.storefront.payments.testkit.iamport.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The warm-up builds the clients real calls use, and sends only where it is pointed, with no real token. */
class IamportWarmUpTest {

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
    void warmUp_buildsTheClientsTheCallsThenUse_withoutCallingAnything() {
        try (ApplicationContext context = SandboxContext.start(sandbox, Map.of())) {
            context.getBean(IamportWarmUp.class).warmUp();
            long clientsAfterWarmUp = selectorThreads();

            IamportGateway gateway = context.getBean(IamportGateway.class);
            gateway.prepare("ord_warm_1", 1000);
            gateway.findBillingKey("cuid_none");

            assertThat(sandbox.requests()).extracting(RecordedRequest::endpoint)
                    .containsExactly(Endpoint.GET_TOKEN, Endpoint.PREPARE, Endpoint.GET_BILLING_KEY);
            assertThat(selectorThreads()).as("java.net.http clients built by the calls themselves").isEqualTo(clientsAfterWarmUp);
        }
    }

    @Test
    void warmUpTransport_sendsWhereItIsPointed_withAPlaceholderToken_andNothingOnceFinished() {
        try (ApplicationContext context = SandboxContext.start(sandbox, Map.of())) {
            IamportWarmUp warmUp = context.getBean(IamportWarmUp.class);

            warmUp.warmUpTransport(sandbox.baseUrl()); // the sandbox listens on 127.0.0.1, like the loopback responder

            assertThat(sandbox.requests()).extracting(RecordedRequest::endpoint)
                    .containsExactly(Endpoint.GET_PAYMENT, Endpoint.PREPARE, Endpoint.AGAIN);
            assertThat(sandbox.requests()).extracting(RecordedRequest::status).as("the placeholder token is refused").containsOnly(401);
            assertThat(warmUp.transportWarmUpOpen()).isTrue();

            warmUp.finishTransportWarmUp();

            assertThat(warmUp.transportWarmUpOpen()).isFalse();
            assertThatThrownBy(() -> context.getBean(IamportExchange.class).sendWarmUp(api -> api.prepare(
                    new WirePayloads.PrepareRequest("ord_after", 1000, "KRW"))))
                    .isInstanceOfSatisfying(IamportUnavailableException.class, e -> assertThat(e.requestSent()).isFalse());
            assertThat(sandbox.requests()).hasSize(3);
        }
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().endsWith("-SelectorManager") && thread.isAlive()).count();
    }
}

package kr.storefront.payments.iamport.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.storefront.payments.core.iamport.IamportGateway;
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
            Set<String> clientsAfterWarmUp = selectorThreads();

            IamportGateway gateway = context.getBean(IamportGateway.class);
            gateway.prepare("ord_warm_1", 1000);
            gateway.findBillingKey("cuid_none");

            assertThat(sandbox.requests()).extracting(RecordedRequest::endpoint)
                    .containsExactly(Endpoint.GET_TOKEN, Endpoint.PREPARE, Endpoint.GET_BILLING_KEY);
            // by name (HttpClient-<n>-SelectorManager): another test's idle client may end meanwhile, never a new one appear
            assertThat(selectorThreads()).as("java.net.http clients built by the calls themselves")
                    .isSubsetOf(clientsAfterWarmUp);
        }
    }

    @Test
    void warmUpTransport_sendsWhereItIsPointed_withAPlaceholderToken_andLeavesNoConnectionForRealCalls() {
        try (ApplicationContext context = SandboxContext.start(sandbox, Map.of())) {
            IamportWarmUp warmUp = context.getBean(IamportWarmUp.class);

            warmUp.warmUpTransport(sandbox.baseUrl()); // the sandbox listens on 127.0.0.1, like the loopback responder
            warmUp.warmUpTransport(sandbox.baseUrl());
            warmUp.finishTransportWarmUp();

            List<RecordedRequest> warmUpCalls = sandbox.requests();
            assertThat(warmUpCalls).extracting(RecordedRequest::endpoint).containsExactly(
                    Endpoint.GET_TOKEN, Endpoint.GET_PAYMENT, Endpoint.PREPARE, Endpoint.AGAIN,
                    Endpoint.GET_TOKEN, Endpoint.GET_PAYMENT, Endpoint.PREPARE, Endpoint.AGAIN);
            assertThat(warmUpCalls).extracting(RecordedRequest::status)
                    .as("placeholder key pair and placeholder token, both refused: no token fetched").containsOnly(401);
            Set<String> clientsAfterWarmUp = selectorThreads();

            context.getBean(IamportGateway.class).prepare("ord_after_warm_up", 1000);

            List<RecordedRequest> realCalls = sandbox.requests().subList(warmUpCalls.size(), sandbox.requests().size());
            assertThat(realCalls).extracting(RecordedRequest::endpoint).containsExactly(Endpoint.GET_TOKEN, Endpoint.PREPARE);
            assertThat(realCalls).extracting(RecordedRequest::connection).as("pooled warm-up connections reused")
                    .doesNotContainAnyElementsOf(warmUpCalls.stream().map(RecordedRequest::connection).toList());
            assertThat(selectorThreads()).as("clients built after the warm-up").isSubsetOf(clientsAfterWarmUp);
            assertThat(context.getBean(IamportExchange.class).discardedClients()).as("clients discarded as idle").isZero();
        }
    }

    private static Set<String> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().endsWith("-SelectorManager") && thread.isAlive())
                .map(Thread::getName).collect(Collectors.toSet());
    }
}

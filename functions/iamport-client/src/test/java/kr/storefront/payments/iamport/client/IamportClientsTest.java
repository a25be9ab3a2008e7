package kr.storefront.payments.iamport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.discovery.ServiceInstance;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where the declarative clients send: the base URL's host, and its path before every V1 path. */
class IamportClientsTest {

    @Test
    void aBaseUrlWithAPath_sendsToItsHost_withThePathAsContextPath() {
        IamportClients.Target target = new IamportClients.Target("iamport", URI.create("https://proxy.example:8443/iamport/v1/"));

        assertThat(target.getInstances()).extracting(ServiceInstance::getURI).containsExactly(URI.create("https://proxy.example:8443/"));
        assertThat(target.getContextPath()).contains("/iamport/v1");
    }

    @Test
    void aBareBaseUrl_hasNoContextPath() {
        IamportClients.Target target = new IamportClients.Target("iamport", URI.create("https://api.iamport.kr"));

        assertThat(target.getInstances()).extracting(ServiceInstance::getURI).containsExactly(URI.create("https://api.iamport.kr/"));
        assertThat(target.getContextPath()).isEmpty();
    }

    @Test
    void duringAWarmUp_thisThreadSendsToTheLoopbackResponder_everyOtherThreadToTheBaseUrl() throws InterruptedException {
        IamportClients.Target target = new IamportClients.Target("iamport", URI.create("https://proxy.example/iamport"));
        URI[] otherThreadSaw = new URI[1];

        IamportClients.WarmUpRoute.run(URI.create("http://127.0.0.1:4567"), () -> {
            assertThat(target.getInstances()).extracting(ServiceInstance::getURI).containsExactly(URI.create("http://127.0.0.1:4567"));
            assertThat(target.getContextPath()).isEmpty();
            Thread other = new Thread(() -> otherThreadSaw[0] = target.getInstances().get(0).getURI());
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(otherThreadSaw[0]).isEqualTo(URI.create("https://proxy.example/"));
        assertThat(target.getInstances()).extracting(ServiceInstance::getURI).containsExactly(URI.create("https://proxy.example/"));
        assertThat(target.getContextPath()).contains("/iamport");
    }

    @Test
    void aWarmUp_goesToALoopbackAddressOnly() {
        assertThatThrownBy(() -> IamportClients.WarmUpRoute.run(URI.create("https://api.iamport.kr"), () -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(IamportClients.WarmUpRoute.active()).isFalse();
    }
}

package kr.storefront.payments.iamport.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.discovery.ServiceInstance;
import io.micronaut.http.client.HttpVersionSelection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import kr.storefront.payments.core.config.IamportConfiguration;
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

    @Test
    void bothCallKinds_speakHttp11Only_withTheirOwnReadTimeouts() {
        IamportConfiguration iamport = new IamportConfiguration(URI.create("https://api.iamport.kr"), "secret",
                Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofMinutes(5), Duration.ofSeconds(20), 2, Duration.ofMillis(200), false);

        for (IamportClients.Settings settings : List.of(new IamportClients.StandardCalls(iamport), new IamportClients.ChargeCalls(iamport))) {
            HttpVersionSelection version = HttpVersionSelection.forClientConfiguration(settings);
            assertThat(version.getAlpnSupportedProtocols()).as("no h2 offered, so no Upgrade: h2c").containsExactly("http/1.1");
            assertThat(settings.isExceptionOnErrorStatus()).isFalse();
            assertThat(settings.isFollowRedirects()).isFalse();
        }
        assertThat(new IamportClients.StandardCalls(iamport).getReadTimeout()).contains(Duration.ofSeconds(10));
        assertThat(new IamportClients.ChargeCalls(iamport).getReadTimeout()).contains(Duration.ofSeconds(60));
    }
}

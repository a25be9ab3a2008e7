package kr.storefront.payments.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.testing.SampleWorld;
import kr.storefront.payments.http.testing.DeployedHandler;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.SampleEvents;
import kr.storefront.payments.testkit.SampleEvents.Sample;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The root {@code events/} files of VerifyFunction ({@link SampleEvents}), run as {@code sam local invoke VerifyFunction -e} would,
 * on a table and sandbox holding what they name ({@link SampleWorld}): an order paid at i'mport, not confirmed yet. Each sample
 * confirms it (the first one does the work, the others find it done), so each succeeds in any order.
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleEventsIT {

    private VerifyTestSupport verify;
    private DeployedHandler deployed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        verify = VerifyTestSupport.start(emulator, Map.of());
        verify.seedSampleWorld();
        List<String> properties = new ArrayList<>(DeployedHandler.commonProperties());
        properties.addAll(List.of("verify.success-url", "verify.failure-url"));
        deployed = DeployedHandler.of(verify.bed, properties);
    }

    @AfterAll
    void stop() {
        deployed.close();
        verify.close();
    }

    static List<Sample> samples() {
        return SampleEvents.of(SampleEvents.VERIFY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleEvent_runsThroughTheDeployedHandler(Sample sample) {
        HttpApiResponse response = deployed.invokeSample(sample.file());

        assertThat(response.status()).as(response.body()).isEqualTo(sample.status());
        if (sample.status() == 302) {
            assertThat(response.header("Location"))
                    .isEqualTo(VerifyTestSupport.SUCCESS + "?merchant_uid=" + SampleWorld.UNCONFIRMED_ORDER + "&status=paid");
        }
        Order order = verify.bed.bean(OrderStore.class).find(SampleWorld.UNCONFIRMED_ORDER).orElseThrow();
        assertThat(order.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order.impUid()).isEqualTo(SampleWorld.UNCONFIRMED_PAYMENT);
    }
}

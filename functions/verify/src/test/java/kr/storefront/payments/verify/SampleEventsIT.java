package kr.storefront.payments.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The root {@code events/} files of VerifyFunction ({@link SampleEvents}), run as {@code sam local invoke VerifyFunction -e} would.
 * Their ids name no payment the sandbox knows, so each route answers its "unknown" case.
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleEventsIT {

    private VerifyTestSupport verify;
    private DeployedHandler deployed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        verify = VerifyTestSupport.start(emulator, Map.of());
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
            assertThat(response.header("Location")).isEqualTo(VerifyTestSupport.FAILURE + "&status=invalid");
        } else {
            assertThat(response.errorCode()).isEqualTo("not_found");
        }
    }
}

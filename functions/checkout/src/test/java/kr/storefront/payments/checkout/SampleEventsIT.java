package kr.storefront.payments.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.testing.SampleWorld;
import kr.storefront.payments.http.testing.DeployedHandler;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.SampleEvents;
import kr.storefront.payments.testkit.SampleEvents.Sample;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The root {@code events/} files of CheckoutFunction ({@link SampleEvents}), run as {@code sam local invoke CheckoutFunction -e}
 * would, on a table and sandbox holding what they name ({@link SampleWorld}).
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleEventsIT {

    private FunctionTestBed bed;
    private DeployedHandler deployed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        // as `sam local invoke --parameter-overrides TossApiMode=true AdminPrincipalArns=arn:aws:iam::123456789012:role/catalog-admin`
        // and the secret naming the sandbox's API-mode channel, as ./local-stack's does
        bed = CheckoutTestSupport.start(emulator, Map.of("checkout.toss-api-mode", "true"),
                "\"api_channel_keys\":{\"tosspayments\":\"" + Channel.TOSS_API_KEY + "\"}");
        SampleWorld.seed(bed::bean, bed.sandbox());
        List<String> properties = new java.util.ArrayList<>(DeployedHandler.commonProperties());
        properties.addAll(List.of("checkout.admin.principal-arns", "checkout.toss-api-mode"));
        deployed = DeployedHandler.of(bed, properties);
    }

    @AfterAll
    void stop() {
        deployed.close();
        bed.close();
    }

    static List<Sample> samples() {
        return SampleEvents.of(SampleEvents.CHECKOUT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleEvent_runsThroughTheDeployedHandler(Sample sample) {
        HttpApiResponse response = deployed.invokeSample(sample.file());

        assertThat(response.status()).as(response.body()).isEqualTo(sample.status());
    }

    @Test
    void anInvocation_registersNoLambdaContextBeans() {
        // micronaut-function-aws's default registers four singletons per request; nothing here reads them
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("GET", "/checkout/pgs"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(bed.context().containsBean(Context.class)).as("the invocation's Lambda Context as a bean").isFalse();
    }
}

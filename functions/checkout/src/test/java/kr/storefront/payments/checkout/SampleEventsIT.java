package kr.storefront.payments.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import java.util.stream.Stream;
import kr.storefront.payments.http.testing.DeployedHandler;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The root {@code events/checkout-*.json} files, run as {@code sam local invoke CheckoutFunction -e} would. */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleEventsIT {

    private FunctionTestBed bed;
    private DeployedHandler deployed;

    @BeforeAll
    void start(AwsEmulator emulator) {
        bed = CheckoutTestSupport.start(emulator, Map.of());
        deployed = DeployedHandler.of(bed, DeployedHandler.commonProperties());
    }

    @AfterAll
    void stop() {
        deployed.close();
        bed.close();
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("checkout-pgs-list.json", 200),
                Arguments.of("checkout-products-list.json", 200),
                Arguments.of("checkout-plans-list.json", 200),
                Arguments.of("checkout-orders-create.json", 200),
                Arguments.of("checkout-billing-keys-create.json", 200),
                Arguments.of("checkout-billing-keys-list.json", 200),
                Arguments.of("checkout-billing-keys-delete.json", 404),
                Arguments.of("checkout-billing-keys-card.json", 403),
                Arguments.of("checkout-payments-card.json", 403),
                Arguments.of("checkout-subscriptions-create.json", 400),
                Arguments.of("checkout-subscriptions-list.json", 200),
                Arguments.of("checkout-subscriptions-cancel.json", 404),
                Arguments.of("checkout-admin-product-put.json", 200),
                Arguments.of("checkout-admin-plan-put.json", 200));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("samples")
    void sampleEvent_runsThroughTheDeployedHandler(String file, int expectedStatus) {
        HttpApiResponse response = deployed.invokeSample(file);

        assertThat(response.status()).as(response.body()).isEqualTo(expectedStatus);
    }

    @Test
    void anInvocation_registersNoLambdaContextBeans() {
        // micronaut-function-aws's default registers four singletons per request; nothing here reads them
        HttpApiResponse response = bed.invoke(HttpApiEvent.request("GET", "/checkout/pgs"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(bed.context().containsBean(Context.class)).as("the invocation's Lambda Context as a bean").isFalse();
    }

    @Test
    void everySampleEvent_isCoveredAndMatchesItsTestFixture() {
        DeployedHandler.assertSamplesMatchFixtures("checkout-", samples().map(a -> (String) a.get()[0]).toList());
    }
}

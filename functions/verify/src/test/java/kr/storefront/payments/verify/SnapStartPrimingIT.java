package kr.storefront.payments.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.crac.test.CheckpointSimulator;
import java.util.Map;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.checkout.Device;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.snapstart.PrimingHttpClient;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * SnapStart priming of verify through micronaut-crac's checkpoint simulator: the redirect, callback
 * and webhook routes are exercised before the snapshot without any i'mport call or stored record,
 * and a payment made after the restore is confirmed as usual.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SnapStartPrimingIT {

    private VerifyTestSupport verify;
    private CheckpointSimulator snapshot;

    @BeforeEach
    void start(AwsEmulator emulator) {
        // a few rounds prove what priming does and leaves behind; the deployed default rounds are for the JIT
        verify = VerifyTestSupport.start(emulator, Map.of("priming.iterations", 5));
        verify.bed.sandbox().faults().dropWebhooks(Integer.MAX_VALUE); // the test confirms through the callback
        snapshot = verify.bed.snapStart();
    }

    @AfterEach
    void stop() {
        verify.close();
    }

    @Test
    void beforeCheckpoint_primesTheRoutes_withoutCallingIamportOrRecordingWebhooks() {
        int itemsBefore = verify.bed.itemCount();
        PrimingHttpClient sdkHttp = (PrimingHttpClient) verify.bed.bean(SdkHttpClient.class);
        long answeredBefore = sdkHttp.answeredInProcess();
        long overLoopbackBefore = sdkHttp.answeredOverLoopback();

        snapshot.runBeforeCheckpoint();

        assertThat(sdkHttp.answeredInProcess() - answeredBefore).isGreaterThan(10);
        assertThat(sdkHttp.answeredOverLoopback() - overLoopbackBefore).as("requests through the real transports").isGreaterThan(10);
        assertThat(sdkHttp.loopbackOpen()).as("a loopback responder left running into the snapshot").isFalse();
        assertThat(verify.bed.sandbox().requests()).as("i'mport calls while priming").isEmpty();
        assertThat(verify.bed.itemCount()).as("items (webhook records included) in the table").isEqualTo(itemsBefore);
    }

    @Test
    void afterRestore_aPaymentIsConfirmedAsUsual() {
        snapshot.runBeforeCheckpoint();
        snapshot.runAfterRestore();
        CheckoutParams order = verify.order("tosspayments", "card", Device.PC);
        WindowResult window = verify.pay(order, WindowRequest.Device.PC, WindowOutcome.pay());

        HttpApiResponse response = verify.callback(window.impUid(), order.merchantUid());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("paid");
        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
    }
}

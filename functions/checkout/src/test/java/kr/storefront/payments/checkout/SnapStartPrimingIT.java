package kr.storefront.payments.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.crac.test.CheckpointSimulator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import kr.storefront.payments.core.testing.CapturedStdout;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.snapstart.PrimingHttpClient;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * SnapStart priming of checkout, driven by micronaut-crac's checkpoint simulator as Lambda drives the
 * hooks: before the snapshot it exercises the store and the routes without calling i'mport, reading
 * the secret or writing anything; after the restore the function works as if never primed.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SnapStartPrimingIT {

    private FunctionTestBed bed;
    private CheckpointSimulator snapshot;

    @BeforeEach
    void start(AwsEmulator emulator) {
        // a few rounds prove what priming does and leaves behind; the deployed default rounds are for the JIT
        bed = CheckoutTestSupport.start(emulator, Map.of("priming.iterations", 5));
        snapshot = bed.snapStart();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void beforeCheckpoint_primesThroughTheSdkAndBothTransports_withoutCallingIamportOrWritingAnything() {
        int itemsBefore = bed.itemCount();
        PrimingHttpClient sdkHttp = (PrimingHttpClient) bed.bean(SdkHttpClient.class);
        long answeredBefore = sdkHttp.answeredInProcess();
        long overLoopbackBefore = sdkHttp.answeredOverLoopback();

        String logged = CapturedStdout.of(snapshot::runBeforeCheckpoint);

        assertThat(logged.lines()).as("metrics counted while priming (its orders are fixed values)")
                .noneMatch(line -> line.startsWith("{\"_aws\""));
        long sdkRequests = sdkHttp.answeredInProcess() - answeredBefore;
        assertThat(sdkRequests).as("SDK requests kept in-process").isGreaterThan(10);
        assertThat(sdkHttp.answeredOverLoopback() - overLoopbackBefore)
                .as("requests the loopback responder answered: the SDK's and the i'mport client's").isGreaterThan(sdkRequests);
        assertThat(sdkHttp.loopbackOpen()).as("a loopback responder left running into the snapshot").isFalse();
        assertThat(bed.sandbox().requests()).as("i'mport calls (token, prepare, ...) while priming").isEmpty();
        assertThat(bed.itemCount()).as("items in the table").isEqualTo(itemsBefore);
    }

    @Test
    void afterRestore_theFirstOrderReadsTheSecret_getsAToken_andPreparesTheAmount() {
        snapshot.runBeforeCheckpoint();
        snapshot.runAfterRestore();

        AtomicReference<HttpApiResponse> answer = new AtomicReference<>();
        String logged = CapturedStdout.of(() -> answer.set(bed.invoke(HttpApiEvent.request("POST", "/checkout/orders")
                .body("{\"items\":[{\"sku\":\"BEANS-1KG\",\"quantity\":2}],\"pg\":\"tosspayments\",\"pay_method\":\"card\",\"device\":\"pc\"}"))));
        HttpApiResponse response = answer.get();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(logged.lines()).as("the real order after the restore is counted")
                .anyMatch(line -> line.startsWith("{\"_aws\"") && line.contains("\"OrdersCreated\":1"));
        assertThat(response.json().path("params").path("amount").asLong()).isEqualTo(2 * CheckoutTestSupport.BEANS_PRICE);
        assertThat(bed.sandbox().requests()).extracting(request -> request.path())
                .contains("/users/getToken", "/payments/prepare");
    }
}

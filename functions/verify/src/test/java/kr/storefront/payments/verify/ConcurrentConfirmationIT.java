package kr.storefront.payments.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.storefront.payments.core.checkout.CheckoutParams;
import kr.storefront.payments.core.checkout.Device;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.http.testing.FunctionTestBed;
import kr.storefront.payments.testkit.apigateway.HttpApiEvent;
import kr.storefront.payments.http.testing.HttpApiResponse;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.iamport.Endpoint;
import kr.storefront.payments.testkit.iamport.Payment;
import kr.storefront.payments.testkit.iamport.WindowOutcome;
import kr.storefront.payments.testkit.iamport.WindowRequest;
import kr.storefront.payments.testkit.iamport.WindowResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redirect, PC callback and webhook for one payment arriving together on different Lambda
 * instances (separate contexts on one table): one transition, one refund at most, every caller
 * answered with the final state.
 */
@ExtendWith(AwsEmulatorExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentConfirmationIT {

    private static final int CALLERS = 20;

    private VerifyTestSupport verify;
    private final List<FunctionTestBed> instances = new ArrayList<>();

    @BeforeAll
    void start(AwsEmulator emulator) {
        verify = VerifyTestSupport.start(emulator, Map.of());
        verify.bed.sandbox().faults().dropWebhooks(Integer.MAX_VALUE); // the test sends its own notifications
        instances.add(verify.bed);
        for (int i = 0; i < 3; i++) {
            instances.add(verify.bed.sibling());
        }
    }

    @AfterAll
    void stop() {
        instances.subList(1, instances.size()).forEach(FunctionTestBed::close);
        verify.close();
    }

    @Test
    void twentyConcurrentConfirms_applyOneTransition_andAllSeeTheFinalState() throws Exception {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        WindowResult window = verify.pay(order, WindowRequest.Device.MOBILE, WindowOutcome.pay());

        List<HttpApiResponse> responses = race(order, window);

        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(verify.stored(order.merchantUid()).version()).as("one transition").isEqualTo(2);
        for (int i = 0; i < CALLERS; i++) {
            HttpApiResponse response = responses.get(i);
            switch (i % 3) {
                case 0 -> assertThat(response.header("Location")).endsWith("&status=paid");
                case 1 -> assertThat(response.json().path("status").asText()).isEqualTo("paid");
                default -> assertThat(response.status()).isEqualTo(200);
            }
        }
    }

    @Test
    void concurrentConfirmsOfAForgedPayment_refundItExactlyOnce_byTheChecksum() throws Exception {
        CheckoutParams order = verify.order("tosspayments", "card", Device.MOBILE);
        WindowResult window = verify.bed.sandbox().completeWindow(WindowRequest.builder(order.params())
                .device(WindowRequest.Device.MOBILE).tamperedAmount(500L).bypassPrepareCheck(true).outcome(WindowOutcome.pay())
                .build());
        long cancelsBefore = verify.bed.sandbox().count(Endpoint.CANCEL);

        List<HttpApiResponse> responses = race(order, window);

        assertThat(verify.stored(order.merchantUid()).status()).isEqualTo(OrderStatus.FORGED);
        // every caller that fetched the payment before the refund asks, with the same checksum: i'mport takes one
        assertThat(verify.bed.sandbox().count(Endpoint.CANCEL)).as("refund requests").isGreaterThan(cancelsBefore);
        Payment refunded = verify.bed.sandbox().payment(window.impUid()).orElseThrow();
        assertThat(refunded.cancelHistory()).as("refunds").hasSize(1);
        assertThat(refunded.cancelAmount()).isEqualTo(500);
        assertThat(refunded.isPaid()).isFalse();
        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isLessThan(500));
    }

    /** CALLERS requests released at once, spread over the instances: redirects, callbacks and webhooks in turn. */
    private List<HttpApiResponse> race(CheckoutParams order, WindowResult window) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<HttpApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                FunctionTestBed instance = instances.get(i % instances.size());
                HttpApiEvent event = switch (i % 3) {
                    case 0 -> HttpApiEvent.request("GET", "/payments/redirect").query("imp_uid", window.impUid())
                            .query("merchant_uid", order.merchantUid());
                    case 1 -> HttpApiEvent.request("POST", "/payments/confirm").body("{\"imp_uid\":\"" + window.impUid()
                            + "\",\"merchant_uid\":\"" + order.merchantUid() + "\"}");
                    default -> HttpApiEvent.request("POST", "/webhooks/iamport").body("{\"imp_uid\":\"" + window.impUid()
                            + "\",\"merchant_uid\":\"" + order.merchantUid() + "\",\"status\":\"paid\"}");
                };
                Callable<HttpApiResponse> call = () -> {
                    start.await();
                    return instance.invoke(event);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<HttpApiResponse> responses = new ArrayList<>();
            for (Future<HttpApiResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}

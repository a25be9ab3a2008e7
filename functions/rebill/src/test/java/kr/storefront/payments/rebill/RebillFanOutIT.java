package kr.storefront.payments.rebill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import kr.storefront.payments.core.rebill.RebillReport;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.iamport.Endpoint;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Planner and workers on the emulator's SQS: the queue delivers at least once, workers die, planners overlap, a
 * message is garbage. Each case ends with every subscription charged exactly once and nothing lost.
 */
class RebillFanOutIT extends RebillTestSupport {

    private static final Duration MINUTES = Duration.ofMinutes(15);

    @Test
    void messageDeliveredTwice_toTwoWorkersAtOnce_chargesEachPeriodOnce() {
        List<String> ids = subscribe("sub_dup", 12);
        bed.sandbox.faults().latency(Endpoint.AGAIN, Duration.ofMillis(150));
        RebillReport planned = bed.plan(MINUTES);
        // SQS may deliver a message twice: put a copy of every queued message back on the queue
        List<Message> queued = receiveAll();
        queued.forEach(message -> {
            send(message.body());
            send(message.body());
        });

        List<RebillReport> workers = bed.drain(2, MINUTES);

        assertThat(planned.queued()).isEqualTo(12);
        assertThat(workers.stream().mapToInt(RebillReport::charged).sum()).isEqualTo(12);
        assertThat(workers.stream().mapToInt(RebillReport::skipped).sum()).isEqualTo(12);
        assertThat(bed.againCalls()).hasSize(12);
        ids.forEach(id -> assertThat(bed.paidCharges(id, 0)).as(id).isEqualTo(1));
    }

    @Test
    void workerCrashedMidBatch_messageComesBack_theRestIsCharged_nothingTwice() throws Exception {
        try (RebillTestBed oneAtATime = RebillTestBed.start(AwsEmulator.shared(), java.util.Map.of("rebill.concurrency", 1))) {
            List<String> ids = IntStream.rangeClosed(1, 5).mapToObj(i -> "sub_crash_" + i).toList();
            ids.forEach(id -> oneAtATime.subscribe(id, oneAtATime.clock.instant()));
            oneAtATime.sandbox.faults().latency(Endpoint.AGAIN, Duration.ofMillis(1500));
            oneAtATime.plan(MINUTES);

            // the first worker is given up 3.5 s in (two charges made, the third in flight): its message is not deleted
            RebillWorkerHandler crashing = new RebillWorkerHandler(oneAtATime.context);
            AtomicInteger deliveries = new AtomicInteger();
            CompletableFuture<?>[] zombie = new CompletableFuture<?>[1];
            oneAtATime.eventSource.pollOnce(batch -> {
                deliveries.incrementAndGet();
                zombie[0] = CompletableFuture.supplyAsync(() -> crashing.handleRequest(RebillTestBed.asEvent(batch),
                        new RebillTestBed.StubLambdaContext(MINUTES)));
                try {
                    zombie[0].get(3500, TimeUnit.MILLISECONDS);
                    throw new AssertionError("the worker was meant to be still charging");
                } catch (TimeoutException e) {
                    throw new IllegalStateException("worker crashed mid-batch");
                } catch (InterruptedException | ExecutionException e) {
                    throw new AssertionError(e);
                }
            });
            // the next worker gets the message again once its visibility timeout has passed
            List<RebillReport> after = oneAtATime.drain(1, MINUTES);
            zombie[0].get(60, TimeUnit.SECONDS); // the crashed one's late writes must not charge anything twice either

            assertThat(deliveries).hasValue(1);
            assertThat(after).isNotEmpty();
            assertThat(after.stream().mapToInt(RebillReport::skipped).sum()).isGreaterThanOrEqualTo(2);
            assertThat(oneAtATime.againCalls()).extracting(call -> call.params().get("merchant_uid")).doesNotHaveDuplicates();
            // the one in flight when it crashed is settled by the crashed worker itself here (or by reconciliation)
            ids.forEach(id -> assertThat(oneAtATime.paidCharges(id, 0)).as(id).isEqualTo(1));
        }
    }

    @Test
    void twoPlannersAtOnce_queueEverythingTwice_workersChargeEachPeriodOnce(AwsEmulator emulator) {
        List<String> ids = subscribe("sub_plan", 30);

        try (RebillTestBed other = bed.twin(emulator)) {
            CompletableFuture<RebillReport> one = CompletableFuture.supplyAsync(() -> bed.plan(MINUTES));
            CompletableFuture<RebillReport> two = CompletableFuture.supplyAsync(() -> other.plan(MINUTES));
            assertThat(one.join().queued() + two.join().queued()).isEqualTo(60);
        }
        List<RebillReport> workers = bed.drain(3, MINUTES);

        assertThat(workers.stream().mapToInt(RebillReport::charged).sum()).isEqualTo(30);
        assertThat(bed.againCalls()).hasSize(30);
        ids.forEach(id -> assertThat(bed.paidCharges(id, 0)).as(id).isEqualTo(1));
        assertThat(bed.run().queued()).isZero();
    }

    @Test
    void poisonMessage_endsInTheDeadLetterQueue_theGoodOnesBesideItAreCharged() {
        List<String> ids = subscribe("sub_poison", 3);
        send("{\"planned_at\":\"not a time\",\"charges\":[]}");
        send("charge everyone twice");

        RebillReport report = bed.run();

        assertThat(report.charged()).isEqualTo(3);
        ids.forEach(id -> assertThat(bed.paidCharges(id, 0)).as(id).isEqualTo(1));
        assertThat(bed.deadLetters()).extracting(Message::body)
                .containsExactlyInAnyOrder("{\"planned_at\":\"not a time\",\"charges\":[]}", "charge everyone twice");
    }

    private List<String> subscribe(String prefix, int count) {
        List<String> ids = IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "_" + i).toList();
        ids.forEach(id -> bed.subscribe(id, now));
        return ids;
    }

    /** Takes every visible message off the rebill queue. */
    private List<Message> receiveAll() {
        List<Message> taken = AwsEmulator.shared().sqs().receiveMessage(request -> request.queueUrl(bed.queue.url())
                .maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
        taken.forEach(message -> AwsEmulator.shared().sqs().deleteMessage(request -> request.queueUrl(bed.queue.url())
                .receiptHandle(message.receiptHandle())));
        return taken;
    }

    private void send(String body) {
        AwsEmulator.shared().sqs().sendMessage(request -> request.queueUrl(bed.queue.url()).messageBody(body));
    }
}

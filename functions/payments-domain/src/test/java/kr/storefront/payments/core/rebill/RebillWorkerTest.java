package kr.storefront.payments.core.rebill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.rebill.RebillConfiguration.AfterDunning;
import org.junit.jupiter.api.Test;

/** The planner's batches and the worker's handling of what the queue delivers: twice, late, cut short, failing. */
class RebillWorkerTest {

    private RebillFixture rebill = new RebillFixture();
    private final Instant now = RebillFixture.START;

    @Test
    void planner_queuesBatchesOfBatchSize_tenMessagesPerSend_andChargesNothingItself() {
        rebill = new RebillFixture(new RebillConfiguration(8, 7, 3, RebillFixture.configuration(8, 7, AfterDunning.PAST_DUE).dunningSchedule(),
                AfterDunning.PAST_DUE, Duration.ofMinutes(2), RebillFixture.TIME_LIMIT, Duration.ofSeconds(60), RebillFixture.SETTLE_TIME,
                Duration.ofMinutes(30), Duration.ofDays(7)));
        IntStream.rangeClosed(1, 35).forEach(i -> rebill.subscribe("sub_plan_%02d".formatted(i), now));

        RebillReport planned = rebill.service.run(new RebillCommand(now, now.plus(RebillFixture.TIME_LIMIT)));

        assertThat(planned.due()).isEqualTo(35);
        assertThat(planned.queued()).isEqualTo(35);
        assertThat(planned.charged()).isZero();
        assertThat(rebill.charged()).isEmpty();
        // 12 messages (11 of 3, one of 2), sent as 10 + 2
        assertThat(rebill.queue.sendSizes()).containsExactly(10, 2);
        List<QueuedBatch> messages = rebill.queue.take(100);
        assertThat(messages).extracting(message -> message.batch().charges().size()).containsExactly(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2);
        assertThat(messages.get(0).batch().charges().get(0)).isEqualTo(new DueCharge("member-sub_plan_01", "sub_plan_01", 0));
        assertThat(messages).allMatch(message -> message.batch().plannedAt().equals(now));
    }

    @Test
    void planner_queueUnavailable_failsTheRun_soLambdaRetriesIt_andNothingIsLost() {
        rebill.subscribe("sub_noqueue", now);
        rebill.queue.failSends();

        assertThatThrownBy(() -> rebill.service.run(new RebillCommand(now, now.plus(RebillFixture.TIME_LIMIT))))
                .isInstanceOf(RebillQueueUnavailableException.class);
        assertThat(rebill.subscription("sub_noqueue").isDue(now)).isTrue();
    }

    @Test
    void messageDeliveredTwice_chargesOnce_theSecondDeliverySkips() {
        rebill.subscribe("sub_dup_1", now);
        rebill.subscribe("sub_dup_2", now);
        rebill.service.run(new RebillCommand(now, now.plus(RebillFixture.TIME_LIMIT)));
        List<QueuedBatch> message = rebill.queue.take(1);

        RebillWorker.Result first = rebill.worker.charge(message, now.plus(RebillFixture.TIME_LIMIT));
        RebillWorker.Result again = rebill.worker.charge(message, now.plus(RebillFixture.TIME_LIMIT));

        assertThat(first.report().charged()).isEqualTo(2);
        assertThat(first.retryMessages()).isEmpty();
        assertThat(again.report().charged()).isZero();
        assertThat(again.report().skipped()).isEqualTo(2);
        assertThat(again.retryMessages()).isEmpty();
        assertThat(rebill.charged()).containsExactlyInAnyOrder("sub_dup_1_p0_a1", "sub_dup_2_p0_a1");
    }

    @Test
    void twoWorkersOnTheSameMessageAtOnce_chargeEachPeriodOnce() {
        rebill = new RebillFixture(RebillFixture.configuration(4, 100, AfterDunning.PAST_DUE), Duration.ofSeconds(1));
        IntStream.rangeClosed(1, 20).forEach(i -> rebill.subscribe("sub_race_" + i, now));
        rebill.service.run(new RebillCommand(now, now.plus(RebillFixture.TIME_LIMIT)));
        List<QueuedBatch> message = rebill.queue.take(1);

        CompletableFuture<RebillWorker.Result> one = CompletableFuture.supplyAsync(
                () -> rebill.worker.charge(message, now.plus(RebillFixture.TIME_LIMIT)));
        CompletableFuture<RebillWorker.Result> two = CompletableFuture.supplyAsync(
                () -> rebill.worker.charge(message, now.plus(RebillFixture.TIME_LIMIT)));

        assertThat(one.join().report().charged() + two.join().report().charged()).isEqualTo(20);
        assertThat(rebill.charged()).hasSize(20).doesNotHaveDuplicates();
        IntStream.rangeClosed(1, 20).forEach(i -> assertThat(rebill.paidAtIamport("sub_race_" + i, 0)).isEqualTo(1));
    }

    @Test
    void lateMessage_forAPeriodAlreadyPaid_skips_evenWhenTheNextPeriodIsDue() {
        Subscription subscription = rebill.subscribe("sub_late", now);
        QueuedBatch stale = new QueuedBatch("msg-old", new RebillBatch(now, List.of(new DueCharge(subscription.customerId(), "sub_late", 0))));
        rebill.run();
        rebill.clock.set(rebill.subscription("sub_late").nextChargeAt());

        RebillWorker.Result late = rebill.worker.charge(List.of(stale), rebill.clock.instant().plus(RebillFixture.TIME_LIMIT));

        assertThat(late.report().skipped()).isEqualTo(1);
        assertThat(rebill.charged()).containsExactly("sub_late_p0_a1");
    }

    @Test
    void budgetSpent_handsBackTheMessageItStoppedIn_andEveryOneAfterIt() {
        rebill = new RebillFixture(RebillFixture.configuration(1, 100, AfterDunning.PAST_DUE), Duration.ofMinutes(1));
        List<QueuedBatch> messages = IntStream.rangeClosed(1, 3).mapToObj(i -> {
            Subscription subscription = rebill.subscribe("sub_cut_" + i, now);
            return new QueuedBatch("msg-" + i, new RebillBatch(now, List.of(new DueCharge(subscription.customerId(), subscription.id(), 0),
                    new DueCharge(subscription.customerId(), "sub_missing_" + i, 0))));
        }).toList();

        // 3.5 minutes: charges start at +0 and +1; at +2 only 1.5 minutes are left
        RebillWorker.Result cut = rebill.worker.charge(messages, now.plus(Duration.ofSeconds(210)));

        assertThat(cut.report().charged()).isEqualTo(2);
        assertThat(cut.report().budgetExhausted()).isTrue();
        assertThat(cut.retryMessages()).containsExactly("msg-3");
    }

    @Test
    void storeUnreadable_handsBackThatMessageOnly() {
        rebill.subscribe("sub_read_1", now);
        rebill.subscribe("sub_read_2", now);
        List<QueuedBatch> messages = List.of(
                new QueuedBatch("msg-a", new RebillBatch(now, List.of(new DueCharge("member-sub_read_1", "sub_read_1", 0)))),
                new QueuedBatch("msg-b", new RebillBatch(now, List.of(new DueCharge("member-sub_read_2", "sub_read_2", 0)))));
        rebill.stores.subscriptions().faults().failNextCall("findAll");

        RebillWorker.Result result = rebill.worker.charge(messages, now.plus(RebillFixture.TIME_LIMIT));

        assertThat(result.retryMessages()).containsExactly("msg-a");
        assertThat(result.report().errors()).isEqualTo(1);
        assertThat(rebill.charged()).containsExactly("sub_read_2_p0_a1");
    }

    @Test
    void billingKeysUnreadable_handsBackThatMessage_withoutCharging() {
        rebill.subscribe("sub_keys_1", now);
        List<QueuedBatch> message = List.of(new QueuedBatch("msg-k",
                new RebillBatch(now, List.of(new DueCharge("member-sub_keys_1", "sub_keys_1", 0)))));
        rebill.stores.billingKeys().faults().failNextCall("findAll");

        RebillWorker.Result result = rebill.worker.charge(message, now.plus(RebillFixture.TIME_LIMIT));

        assertThat(result.retryMessages()).containsExactly("msg-k");
        assertThat(rebill.charged()).isEmpty();
    }

    @Test
    void keyReadInTheBatch_isTheOneCharged_noReadPerCharge_andADeletedOneEndsTheSubscription() {
        rebill.subscribe("sub_batchkey_1", now);
        rebill.subscribe("sub_batchkey_2", now);
        var key = rebill.stores.billingKeys().find("member-sub_batchkey_2", "cuid_sub_batchkey_2").orElseThrow();
        rebill.stores.billingKeys().seed(key.transitionTo(kr.storefront.payments.core.domain.BillingKeyStatus.DELETED, null, now));
        List<QueuedBatch> message = List.of(new QueuedBatch("msg-bk", new RebillBatch(now, List.of(
                new DueCharge("member-sub_batchkey_1", "sub_batchkey_1", 0), new DueCharge("member-sub_batchkey_2", "sub_batchkey_2", 0)))));
        rebill.stores.billingKeys().faults().failNextCall("find"); // a per-charge read would fail the charge

        RebillWorker.Result result = rebill.worker.charge(message, now.plus(RebillFixture.TIME_LIMIT));

        assertThat(result.retryMessages()).isEmpty();
        assertThat(result.report().charged()).isEqualTo(1);
        assertThat(result.report().ended()).isEqualTo(1);
        assertThat(rebill.charged()).containsExactly("sub_batchkey_1_p0_a1");
        assertThat(rebill.subscription("sub_batchkey_2").status()).isEqualTo(kr.storefront.payments.core.domain.SubscriptionStatus.CANCELLED);
    }

    @Test
    void chargeFailingUnexpectedly_handsBackItsMessage_theRedeliveryChargesWhatIsLeft() {
        rebill.subscribe("sub_boom_1", now);
        rebill.subscribe("sub_boom_2", now);
        rebill.service.run(new RebillCommand(now, now.plus(RebillFixture.TIME_LIMIT)));
        List<QueuedBatch> message = rebill.queue.take(1);
        rebill.stores.ledger().faults().failNextCall("begin");

        RebillWorker.Result failed = rebill.worker.charge(message, now.plus(RebillFixture.TIME_LIMIT));
        RebillWorker.Result redelivered = rebill.worker.charge(message, now.plus(RebillFixture.TIME_LIMIT));

        assertThat(failed.retryMessages()).containsExactly(message.get(0).messageId());
        assertThat(failed.report().errors()).isEqualTo(1);
        assertThat(redelivered.retryMessages()).isEmpty();
        assertThat(redelivered.report().charged()).isEqualTo(1);
        assertThat(redelivered.report().skipped()).isEqualTo(1);
        assertThat(rebill.charged()).containsExactlyInAnyOrder("sub_boom_1_p0_a1", "sub_boom_2_p0_a1");
    }

    @Test
    void workerMetrics_areTheChargeOutcomes_plannerMetricsTheRun() {
        rebill.subscribe("sub_metrics", now);

        rebill.run();

        assertThat(rebill.metrics.events()).containsExactly("rebill run due=1 queued=1", "rebill charges due=0 charged=1");
    }
}

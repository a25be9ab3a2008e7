package kr.storefront.payments.queue.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kr.storefront.payments.core.rebill.DueCharge;
import kr.storefront.payments.core.rebill.RebillBatch;
import kr.storefront.payments.core.rebill.RebillQueue;
import kr.storefront.payments.core.rebill.RebillQueueUnavailableException;
import kr.storefront.payments.testkit.aws.AwsEmulator;
import kr.storefront.payments.testkit.aws.AwsEmulatorExtension;
import kr.storefront.payments.testkit.aws.SqsEventSourceMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS adapter, wired by Micronaut, against the emulator's SQS. */
@ExtendWith(AwsEmulatorExtension.class)
class SqsRebillQueueIT {

    private static final Instant PLANNED = Instant.parse("2026-11-21T03:00:05Z");

    @Test
    void send_putsOneMessagePerBatch_inGroupsOfTen_thatReadBackAsTheBatches(AwsEmulator emulator) {
        AwsEmulator.Queue queue = emulator.createQueue("queue-it", 30, 3);
        List<RebillBatch> batches = IntStream.range(0, 23).mapToObj(i -> new RebillBatch(PLANNED,
                List.of(new DueCharge("member-" + i, "sub_" + i, i % 3), new DueCharge("member-x" + i, "sub_x" + i, 0)))).toList();

        try (ApplicationContext context = ApplicationContext.run(properties(emulator, queue.url()))) {
            context.getBean(RebillQueue.class).send(batches);
            RebillMessages messages = context.getBean(RebillMessages.class);

            List<RebillBatch> received = SqsEventSourceMapping.peek(emulator.sqs(), queue.url()).stream().map(Message::body)
                    .map(messages::read).toList();

            assertThat(received).containsExactlyInAnyOrderElementsOf(batches);
        }
    }

    @Test
    void send_toAQueueThatIsNotThere_isUnavailable_andNamesNoSecret(AwsEmulator emulator) {
        String missing = emulator.sqsEndpoint() + "/000000000000/no-such-queue";

        try (ApplicationContext context = ApplicationContext.run(properties(emulator, missing))) {
            assertThatThrownBy(() -> context.getBean(RebillQueue.class).send(List.of(new RebillBatch(PLANNED,
                    List.of(new DueCharge("member-1", "sub_1", 0))))))
                    .isInstanceOf(RebillQueueUnavailableException.class).hasMessageNotContaining("test");
        }
    }

    @Test
    void withoutAQueueUrl_thereIsNoQueue(AwsEmulator emulator) {
        Map<String, Object> properties = new HashMap<>(emulator.micronautProperties());
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.findBean(RebillQueue.class)).isEmpty();
        }
    }

    @Test
    void read_refusesWhatIsNotARebillBatch_withoutEchoingIt(AwsEmulator emulator) {
        try (ApplicationContext context = ApplicationContext.run(new HashMap<>(emulator.micronautProperties()))) {
            RebillMessages messages = context.getBean(RebillMessages.class);

            for (String body : List.of("", "charge everyone", "{}", "{\"planned_at\":\"2026-11-21T03:00:05Z\",\"charges\":[]}",
                    "{\"planned_at\":\"yesterday\",\"charges\":[{\"customer_id\":\"m\",\"subscription_id\":\"s\",\"period\":0}]}",
                    "{\"planned_at\":\"2026-11-21T03:00:05Z\",\"charges\":[{\"customer_id\":\"m\",\"subscription_id\":\"s\",\"period\":-1}]}",
                    "null")) {
                assertThatThrownBy(() -> messages.read(body)).as(body).isInstanceOf(MalformedRebillMessageException.class)
                        .message().doesNotContain("everyone", "yesterday");
            }
        }
    }

    private static Map<String, Object> properties(AwsEmulator emulator, String queueUrl) {
        Map<String, Object> properties = new HashMap<>(emulator.micronautProperties());
        properties.put("rebill.queue.url", queueUrl);
        return properties;
    }
}

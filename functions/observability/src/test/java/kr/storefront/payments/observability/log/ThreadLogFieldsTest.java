package kr.storefront.payments.observability.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadLogFieldsTest {

    @Test
    void aThreadStartedDuringARequest_doesNotCarryItsIds() throws InterruptedException {
        ThreadLogFields fields = new ThreadLogFields();
        fields.put("request_id", "r1");
        AtomicReference<Map<String, String>> seen = new AtomicReference<>();

        Thread pooled = new Thread(() -> seen.set(fields.getCopyOfContextMap()));
        pooled.start();
        pooled.join();

        assertThat(seen.get()).isEmpty();
        assertThat(fields.getCopyOfContextMap()).containsEntry("request_id", "r1");
        fields.clear();
        assertThat(fields.getCopyOfContextMap()).isEmpty();
    }
}

package kr.storefront.payments.testkit.iamport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every API call the sandbox answered or dropped. A call is recorded once its response is decided, before
 * any armed hold, so a held call is already counted while the client is still waiting.
 */
final class RequestJournal {

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    void record(RecordedRequest request) {
        requests.add(request);
    }

    List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    long count(Endpoint endpoint) {
        return requests.stream().filter(request -> request.endpoint() == endpoint).count();
    }

    void clear() {
        requests.clear();
    }
}

package kr.storefront.payments.observability.log;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.spi.MDCAdapter;

/**
 * The MDC: fields of the current thread only. SLF4J's BasicMDCAdapter is inheritable, so a thread started
 * during a request (an HTTP client's pool thread) would carry that request's ids on every line it ever logs.
 */
final class ThreadLogFields implements MDCAdapter {

    private final ThreadLocal<Map<String, String>> fields = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Map<String, Deque<String>>> stacks = ThreadLocal.withInitial(HashMap::new);

    @Override
    public void put(String key, String value) {
        fields.get().put(key, value);
    }

    @Override
    public String get(String key) {
        return fields.get().get(key);
    }

    @Override
    public void remove(String key) {
        fields.get().remove(key);
    }

    @Override
    public void clear() {
        fields.get().clear();
        stacks.get().clear();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        return new HashMap<>(fields.get());
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        Map<String, String> current = fields.get();
        current.clear();
        current.putAll(contextMap);
    }

    @Override
    public void pushByKey(String key, String value) {
        stacks.get().computeIfAbsent(key, k -> new ArrayDeque<>()).push(value);
    }

    @Override
    public String popByKey(String key) {
        Deque<String> stack = stacks.get().get(key);
        return stack == null ? null : stack.poll();
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        Deque<String> stack = stacks.get().get(key);
        return stack == null ? null : new ArrayDeque<>(stack);
    }

    @Override
    public void clearDequeByKey(String key) {
        stacks.get().remove(key);
    }
}

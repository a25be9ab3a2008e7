package kr.storefront.payments.rebill;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Counts DynamoDB API calls by operation (one per SDK execution, retries not counted twice), for the
 * benchmark. Active only when {@value #PROPERTY} is set; counts are shared by every context in the JVM.
 */
@Singleton
@Requires(property = DynamoDbCallCounter.PROPERTY)
final class DynamoDbCallCounter implements BeanCreatedEventListener<DynamoDbClientBuilder>, ExecutionInterceptor {

    static final String PROPERTY = "benchmark.count-dynamodb-calls";

    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

    @Override
    public DynamoDbClientBuilder onCreated(BeanCreatedEvent<DynamoDbClientBuilder> event) {
        return event.getBean().overrideConfiguration(configuration -> configuration.addExecutionInterceptor(this));
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        CALLS.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), name -> new LongAdder()).increment();
    }

    static void reset() {
        CALLS.clear();
    }

    /** Calls per operation since the last reset. */
    static Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        CALLS.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }
}

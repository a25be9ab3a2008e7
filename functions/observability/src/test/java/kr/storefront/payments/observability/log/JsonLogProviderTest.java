package kr.storefront.payments.observability.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Map;
import kr.storefront.payments.core.testing.CapturedStdout;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class JsonLogProviderTest {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLogProviderTest.class);

    private final LambdaLogFields fields = new LambdaLogFields();

    private static Context invocation(String awsRequestId) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? awsRequestId : null);
    }

    @Test
    void slf4jWritesThroughThisProvider_withTheInvocationIds_andKeyValuePairsAsFields() throws IOException {
        String written = CapturedStdout.of(() -> {
            fields.populateMappingDiagnosticContextValues(invocation("lambda-1"));
            RequestLogContext.requestId("apigw-1");
            LOG.atWarn().addKeyValue("merchant_uid", "ord_1").log("charged {} won", 1000);
            MDC.clear();
        });

        assertThat(LOG.getClass().getSimpleName()).isEqualTo("JsonLogger");
        Map<String, Object> line = JsonLogLineTest.read(written);
        assertThat(line).containsEntry("level", "WARN").containsEntry("message", "charged 1000 won")
                .containsEntry("aws_request_id", "lambda-1").containsEntry("request_id", "apigw-1")
                .containsEntry("merchant_uid", "ord_1").containsEntry("logger", JsonLogProviderTest.class.getName());
    }

    @Test
    void aNewInvocationDropsThePreviousOnesFields() throws IOException {
        String written = CapturedStdout.of(() -> {
            fields.populateMappingDiagnosticContextValues(invocation("lambda-1"));
            MDC.put("merchant_uid", "ord_1");
            fields.populateMappingDiagnosticContextValues(invocation("lambda-2"));
            LOG.warn("next");
            MDC.clear();
        });

        assertThat(JsonLogLineTest.read(written)).containsEntry("aws_request_id", "lambda-2").doesNotContainKey("merchant_uid");
    }

    @Test
    void belowTheThreshold_nothingIsWritten() {
        // json-logger.properties of these tests: level=warn
        assertThat(CapturedStdout.of(() -> LOG.info("not written"))).isEmpty();
    }
}

package kr.storefront.payments.testkit.iamport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The checker itself: each kind of difference from the digest is reported. */
class ResponseConformanceTest {

    private final ResponseConformance conformance = new ResponseConformance();

    @Test
    void conformingAnswers_haveNoViolations() {
        assertThat(conformance.violations(Endpoint.GET_PREPARE, 200,
                json("{\"code\":0,\"message\":null,\"response\":{\"merchant_uid\":\"o\",\"amount\":8900,\"currency\":null}}")))
                .isEmpty();
        assertThat(conformance.violations(Endpoint.GET_PREPARE, 200,
                json("{\"code\":1,\"message\":\"없음\",\"response\":null}"))).isEmpty();
    }

    @Test
    void fieldNotInTheDefinition_isReported() {
        assertThat(conformance.violations(Endpoint.GET_PREPARE, 200,
                json("{\"code\":0,\"message\":null,\"response\":{\"merchant_uid\":\"o\",\"amount\":1,\"total\":1}}")))
                .singleElement().asString().contains("total is not a field of PaymentPrepareAnnotation");
    }

    @Test
    void fieldOfAnotherType_isReported() {
        assertThat(conformance.violations(Endpoint.GET_TOKEN, 200,
                json("{\"code\":0,\"message\":null,\"response\":{\"access_token\":\"t\",\"now\":1.5,\"expired_at\":\"2\"}}")))
                .hasSize(2);
        assertThat(conformance.violations(Endpoint.GET_PREPARE, 200,
                json("{\"code\":0,\"message\":null,\"response\":{\"merchant_uid\":\"o\",\"amount\":\"8900\"}}")))
                .singleElement().asString().contains("amount");
    }

    @Test
    void missingOrNullRequiredField_isReported() {
        assertThat(conformance.violations(Endpoint.GET_BILLING_KEY, 200, json("{\"code\":0,\"message\":null,\"response\":"
                + "{\"customer_uid\":\"c\",\"pg_provider\":\"tosspayments\",\"pg_id\":null,\"card_name\":\"신한카드\","
                + "\"inserted\":1,\"updated\":1}}")))
                .hasSize(2).anyMatch(v -> v.contains("pg_id is null")).anyMatch(v -> v.contains("sandbox is missing"));
    }

    @Test
    void cancelHistoryEntries_areChecked() {
        String payment = "{\"imp_uid\":\"i\",\"merchant_uid\":\"m\",\"amount\":1,\"cancel_amount\":1,\"currency\":\"KRW\","
                + "\"status\":\"cancelled\",\"sandbox\":false,\"cancel_history\":[{\"pg_tid\":\"t\",\"amount\":1,"
                + "\"cancelled_at\":1,\"reason\":null,\"cancellation_id\":\"c\",\"refunded\":true}]}";

        assertThat(conformance.violations(Endpoint.CANCEL, 200, json("{\"code\":0,\"message\":null,\"response\":" + payment + "}")))
                .hasSize(2).anyMatch(v -> v.contains("reason is null")).anyMatch(v -> v.contains("refunded"));
    }

    @Test
    void undocumentedStatusAndBrokenEnvelope_areReported() {
        assertThat(conformance.violations(Endpoint.GET_PREPARE, 404, json("{\"code\":-1,\"message\":\"없음\",\"response\":null}")))
                .singleElement().asString().contains("documents only [200, 401]");
        assertThat(conformance.violations(Endpoint.GET_PAYMENT, 404, json("{\"code\":\"-1\",\"msg\":\"없음\",\"response\":null}")))
                .anyMatch(v -> v.contains("envelope keys")).anyMatch(v -> v.contains("code is STRING"));
        assertThat(conformance.violations(Endpoint.GET_PAYMENT, 401, json("{\"code\":0,\"message\":\"\",\"response\":{}}")))
                .hasSize(3);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        return SandboxApiClient.json(text);
    }
}

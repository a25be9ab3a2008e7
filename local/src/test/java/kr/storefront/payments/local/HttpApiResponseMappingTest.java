package kr.storefront.payments.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Payload 2.0's response mapping: headers once each, cookies as Set-Cookie lines, multiValueHeaders ignored. */
class HttpApiResponseMappingTest {

    @Test
    void headersAreSentOnce_evenWhenTheFunctionAlsoFilledMultiValueHeaders() {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(302);
        response.setHeaders(Map.of("Location", "https://shop.example.com/pay/done?status=paid", "Cache-Control", "no-store"));
        response.setMultiValueHeaders(Map.of("Location", List.of("https://shop.example.com/pay/done?status=paid"),
                "Cache-Control", List.of("no-store")));

        assertThat(HttpApiResponseMapping.headers(response)).containsExactlyInAnyOrder(
                Map.entry("Location", "https://shop.example.com/pay/done?status=paid"), Map.entry("Cache-Control", "no-store"));
    }

    @Test
    void cookies_becomeOneSetCookieEach_andAJoinedValueStaysOneLine() {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setHeaders(Map.of("Vary", "Origin,Accept"));
        response.setCookies(List.of("a=1; Path=/", "b=2; HttpOnly"));

        assertThat(HttpApiResponseMapping.headers(response)).containsExactly(Map.entry("Vary", "Origin,Accept"),
                Map.entry("Set-Cookie", "a=1; Path=/"), Map.entry("Set-Cookie", "b=2; HttpOnly"));
    }

    @Test
    void noHeadersNorCookies_isNoLine() {
        assertThat(HttpApiResponseMapping.headers(new APIGatewayV2HTTPResponse())).isEmpty();
    }
}

package kr.storefront.payments.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The loopback responder answers both HTTP clients priming uses, and leaves nothing open once closed. */
class LoopbackResponderTest {

    @Test
    void answersKeptAliveUrlConnectionRequests_withAnEmptyJsonObject() throws IOException {
        try (LoopbackResponder responder = LoopbackResponder.start()) {
            for (int i = 0; i < 3; i++) {
                HttpURLConnection connection = (HttpURLConnection) responder.baseUrl().resolve("/").toURL().openConnection();
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(15);
                try (OutputStream body = connection.getOutputStream()) {
                    body.write("{\"TableName\":1}".getBytes(StandardCharsets.UTF_8));
                }
                assertThat(connection.getResponseCode()).isEqualTo(200);
                try (InputStream answer = connection.getInputStream()) {
                    assertThat(new String(answer.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{}");
                }
            }
            assertThat(responder.requestsAnswered()).isEqualTo(3);
        }
    }

    @Test
    void answersTheJdkClient_withChunkedAndFixedLengthBodies() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (LoopbackResponder responder = LoopbackResponder.start()) {
            URI uri = responder.baseUrl().resolve("/priming");
            HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[5000]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> fixed = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"merchant_uid\":\"ord\"}")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(chunked.body()).isEqualTo("{}");
            assertThat(fixed.statusCode()).isEqualTo(200);
            assertThat(get.body()).isEqualTo("{}");
            assertThat(responder.requestsAnswered()).isEqualTo(3);
        }
    }

    @Test
    void close_stopsListening_andClosesConnectionsItAccepted() throws IOException {
        LoopbackResponder responder = LoopbackResponder.start();
        URI base = responder.baseUrl();
        try (Socket kept = new Socket(base.getHost(), base.getPort())) {
            kept.setSoTimeout(2000);
            kept.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = kept.getInputStream();
            String answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
            assertThat(new String(in.readNBytes(answer.length()), StandardCharsets.US_ASCII)).isEqualTo(answer);

            responder.close();

            assertThat(in.read()).as("the kept-alive connection, after close").isEqualTo(-1);
        }
        // the port itself is free for anyone to take at once, so whether a connect is refused proves nothing
        assertThat(responder.listening()).isFalse();
    }
}

package kr.storefront.payments.bench.apache;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import kr.storefront.payments.bench.Bench;
import kr.storefront.payments.bench.Payloads.PrepareRequest;
import org.apache.http.HttpHeaders;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

/** Apache HttpClient 4.5 on the caller's thread, set up as IamportHttp sets it up. */
public final class ApacheMain implements Bench.Calls {

    private final URI base;
    private final JsonMapper json;
    private final RequestConfig config;
    private final CloseableHttpClient client;

    ApacheMain(String url, JsonMapper json) {
        this.base = URI.create(url);
        this.json = json;
        this.config = RequestConfig.custom()
                .setConnectTimeout(3_000)
                .setConnectionRequestTimeout(3_000)
                .setSocketTimeout(10_000)
                .setRedirectsEnabled(false)
                .build();
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
        connections.setMaxTotal(64);
        connections.setDefaultMaxPerRoute(64);
        // IamportHttp's 1 ms: a pooled connection released in an earlier millisecond is probed (a read of up to 1 ms)
        connections.setValidateAfterInactivity(Integer.getInteger("bench.apache.validateAfterInactivity", 1));
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(config)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    public static void main(String[] args) {
        Bench.run("apache", args, (context, url) -> new ApacheMain(url, context.getBean(JsonMapper.class)));
    }

    @Override
    public byte[] lookup(String impUid) throws IOException {
        return execute(new HttpGet(base.resolve("/payments/" + impUid)));
    }

    @Override
    public byte[] prepare(PrepareRequest body) throws IOException {
        HttpPost post = new HttpPost(base.resolve("/payments/prepare"));
        post.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        return execute(post);
    }

    private byte[] execute(HttpRequestBase request) throws IOException {
        request.setConfig(config);
        request.setHeader(HttpHeaders.ACCEPT, ContentType.APPLICATION_JSON.getMimeType());
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer x");
        try (CloseableHttpResponse response = client.execute(request)) {
            return Bench.ok(response.getStatusLine().getStatusCode(), EntityUtils.toByteArray(response.getEntity()));
        }
    }
}

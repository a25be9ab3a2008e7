package kr.storefront.payments.testkit.iamport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The static files of the browser-facing window (script, page templates), next to this package on the classpath. */
final class BrowserAssets {

    private BrowserAssets() {
    }

    static String text(String name) {
        try (InputStream in = BrowserAssets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing sandbox asset " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read sandbox asset " + name, e);
        }
    }
}

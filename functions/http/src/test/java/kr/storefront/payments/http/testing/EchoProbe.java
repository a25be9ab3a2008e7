package kr.storefront.payments.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends a marker where a caller can put text (path ids, query values, body fields, key names) and checks that
 * no answer quotes it back: error messages are fixed texts that may name a field, never repeat its value.
 */
public final class EchoProbe {

    /** What a caller sends; {@link #TRACE} is the part that must never come back (as sent, escaped or decoded). */
    public static final String MARKER = "zqxmark\r\n[ERROR] ../../etc/passwd\u0000";
    public static final String TRACE = "zqxmark";
    /** The marker in a header: no CR/LF there (HTTP forbids them, API Gateway never passes them on). */
    public static final String HEADER_MARKER = "zqxmark [ERROR] ../../etc/passwd";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EchoProbe() {
    }

    /** The marker as a path segment, percent-encoded as a client sends it: whole, and without the slashes (so the route matches). */
    public static List<String> pathSegments() {
        return List.of(URLEncoder.encode(MARKER, StandardCharsets.UTF_8).replace("+", "%20"),
                URLEncoder.encode(MARKER.replace("/", ""), StandardCharsets.UTF_8).replace("+", "%20"), TRACE + "%0D%0Aid", TRACE + "%0A%5BERROR%5D%20ALERT%00");
    }

    /**
     * Each way to put the marker in a valid JSON body: every leaf value (string, number, boolean, array element)
     * replaced by it, a key named by it added to every object, and the whole body being it.
     */
    public static List<String> bodies(String validJson) {
        JsonNode root = read(validJson);
        List<String> bodies = new ArrayList<>();
        collect(root, root, bodies);
        bodies.add(JSON.valueToTree(MARKER).toString());
        bodies.add(MARKER);
        return bodies;
    }

    /** The marker as every query parameter in turn, and as a parameter's name. */
    public static List<Map<String, String>> queries(List<String> names) {
        List<Map<String, String>> queries = new ArrayList<>();
        names.forEach(name -> queries.add(Map.of(name, MARKER)));
        queries.add(Map.of(MARKER, "1"));
        return queries;
    }

    /**
     * No 5xx, and a refusal (any status but 2xx: errors, redirects) quotes nothing of the marker. A 2xx may carry
     * what the caller asked for on purpose (a buyer's address in the window's parameters).
     */
    public static void assertNoEcho(HttpApiResponse response, String sent) {
        assertThat(response.status()).as("status for %s", sent).isLessThan(500);
        if (response.status() < 300) {
            return;
        }
        String everything = (response.body() + " " + response.headers()).toLowerCase(Locale.ROOT);
        assertThat(everything).as("answer to %s", sent).doesNotContain(TRACE).doesNotContain("passwd");
    }

    private static void collect(JsonNode root, JsonNode node, List<String> bodies) {
        if (node instanceof ObjectNode object) {
            object.set(MARKER, TextNode.valueOf(MARKER));
            bodies.add(root.toString());
            object.remove(MARKER);
            for (String name : iterable(object)) {
                JsonNode child = object.get(name);
                if (child.isContainerNode()) {
                    collect(root, child, bodies);
                }
                object.set(name, TextNode.valueOf(MARKER));
                bodies.add(root.toString());
                object.set(name, child);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isContainerNode()) {
                    collect(root, child, bodies);
                }
                array.set(i, TextNode.valueOf(MARKER));
                bodies.add(root.toString());
                array.set(i, child);
            }
        }
    }

    private static List<String> iterable(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

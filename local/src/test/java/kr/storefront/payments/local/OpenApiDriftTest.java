package kr.storefront.payments.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.storefront.payments.local.ApiContract.Auth;
import kr.storefront.payments.local.OpenApiDrift.TemplateRoute;
import kr.storefront.payments.testkit.aws.TemplateTable;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docs/openapi.yaml} states every route of the checkout and verify functions as the code and
 * {@code template.yaml} have them (method, path, auth, parameters, bodies, statuses, error codes), and the
 * demo storefront calls only documented routes.
 */
class OpenApiDriftTest {

    static final Path ROOT = TemplateTable.locateTemplate().getParent();
    private static final Path DEMO_SCRIPT = ROOT.resolve("local/src/main/resources/demo/app.js");
    /** The demo's calls: {@code api('METHOD', '/path' [+ expression], ...)}; a path may name {@code {params}} api() fills in. */
    private static final Pattern DEMO_CALL = Pattern.compile("api\\(\\s*'([A-Z]+)'\\s*,\\s*'([^']*)'(\\s*\\+)?");

    @Test
    void theDocumentStatesEveryRouteFieldAndStatusOfTheCode() {
        ApiContract code = CodeContract.read(ROOT);

        List<String> problems = OpenApiDrift.problems(document(), code, templateRoutes());

        assertThat(problems).as("docs/openapi.yaml against the code and template.yaml").isEmpty();
        assertThat(code.operations()).as("routes read from the controllers").hasSize(templateRoutes().size());
    }

    @Test
    void theDemoStorefrontCallsOnlyDocumentedRoutes() throws IOException {
        String script = Files.readString(DEMO_SCRIPT);
        assertThat(script.split("fetch\\(", -1)).as("one fetch(), inside api(): every call goes through api()").hasSize(2);

        assertThat(demoCalls(script)).as("the demo's calls were found").contains("POST /checkout/orders", "POST /payments/confirm",
                "DELETE /checkout/subscriptions/<id>", "GET /checkout/admin/orders/{merchant_uid}",
                "POST /checkout/admin/orders/{merchant_uid}/refunds");
        assertThat(undocumentedCalls(script, document())).as("demo calls that are not documented routes").isEmpty();
    }

    /** The demo's API calls, {@code METHOD /path}, {@code <id>} for an appended expression; the local stack's own helpers skipped. */
    static List<String> demoCalls(String script) {
        List<String> calls = new ArrayList<>();
        Matcher call = DEMO_CALL.matcher(script);
        while (call.find()) {
            if (!call.group(2).startsWith("/local/")) { // the local stack's own helpers (docs/local.md), not part of the API
                calls.add(call.group(1) + " " + call.group(2) + (call.group(3) != null ? "<id>" : ""));
            }
        }
        return calls;
    }

    static List<String> undocumentedCalls(String script, Map<String, Object> document) {
        Map<String, Object> paths = OpenApiDrift.map(document.get("paths"));
        return demoCalls(script).stream().filter(call -> {
            String method = call.substring(0, call.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = call.substring(call.indexOf(' ') + 1);
            boolean open = path.endsWith("<id>");
            String fixed = open ? path.substring(0, path.length() - "<id>".length()) : path;
            return paths.entrySet().stream().noneMatch(entry -> matches(entry.getKey(), fixed, open)
                    && OpenApiDrift.map(entry.getValue()).containsKey(method));
        }).toList();
    }

    /** A documented path template against a demo path, whose last segment is appended at run time when {@code open}. */
    static boolean matches(String template, String path, boolean open) {
        String concrete = open ? path + "x" : path;
        return concrete.matches(template.replaceAll("\\{[^}/]+}", "[^/]+").replace("/", "\\/"));
    }

    static Map<String, Object> document() {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docs/openapi.yaml"))) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<TemplateRoute> templateRoutes() {
        // every function's: a route of a new function fails the comparison until CodeContract reads its controllers
        return SamTemplate.read(ROOT.resolve("template.yaml")).routes().stream()
                .map(route -> new TemplateRoute(route.method(), route.path(), switch (route.authorization()) {
                    case NONE -> Auth.NONE;
                    case JWT -> Auth.JWT;
                    case IAM -> Auth.IAM;
                })).toList();
    }
}

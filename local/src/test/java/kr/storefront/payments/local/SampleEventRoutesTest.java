package kr.storefront.payments.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.storefront.payments.testkit.SampleEvents;
import kr.storefront.payments.testkit.SampleEvents.Sample;
import kr.storefront.payments.testkit.aws.TemplateTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each HTTP sample in {@code events/} is shaped as API Gateway sends it: {@code routeKey} (top level and in
 * {@code requestContext}) is a route template of template.yaml, and {@code pathParameters} holds exactly what that
 * template's {@code {name}} segments match in {@code rawPath}.
 */
class SampleEventRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    static List<Sample> httpSamples() {
        return SampleEvents.all().stream().filter(sample -> sample.status() != null).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpSamples")
    void routeKey_isTheTemplateRoute_andPathParametersAreFilled(Sample sample) throws IOException {
        JsonNode event = JSON.readTree(sample.path().toFile());
        String routeKey = event.path("routeKey").asText();
        String rawPath = event.path("rawPath").asText();
        List<String> routeKeys = SamTemplate.read(TemplateTable.locateTemplate()).routes().stream()
                .map(route -> route.method() + " " + route.path()).toList();

        assertThat(routeKeys).contains(routeKey);
        assertThat(event.path("requestContext").path("routeKey").asText()).isEqualTo(routeKey);
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> expected = new HashMap<>();
        List<String> names = PARAMETER.matcher(template).results().map(m -> m.group(1)).toList();
        Matcher path = Pattern.compile(PARAMETER.matcher(Pattern.quote(template)).replaceAll("\\\\E([^/]+)\\\\Q")).matcher(rawPath);
        assertThat(path.matches()).as("%s matches %s", rawPath, template).isTrue();
        for (int i = 0; i < names.size(); i++) {
            expected.put(names.get(i), path.group(i + 1));
        }
        Map<String, String> actual = new HashMap<>();
        event.path("pathParameters").fields().forEachRemaining(field -> actual.put(field.getKey(), field.getValue().asText()));
        assertThat(actual).isEqualTo(expected);
    }
}

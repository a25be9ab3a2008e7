package kr.storefront.payments.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches a request to a template route the way API Gateway does: exact method, {@code {param}} path segments. */
final class RouteTable {

    /** A matched route. */
    record Match(SamTemplate.HttpRoute route) { }

    private record CompiledRoute(SamTemplate.HttpRoute route, Pattern path) { }

    private final List<CompiledRoute> routes = new ArrayList<>();

    RouteTable(List<SamTemplate.HttpRoute> routes) {
        for (SamTemplate.HttpRoute route : routes) {
            this.routes.add(new CompiledRoute(route, compile(route.path())));
        }
    }

    Optional<Match> match(String method, String path) {
        return routes.stream()
                .filter(candidate -> candidate.route().method().equals(method) && candidate.path().matcher(path).matches())
                .findFirst().map(candidate -> new Match(candidate.route()));
    }

    /** Whether any route has this path, whatever its method (for CORS preflights). */
    boolean knowsPath(String path) {
        return routes.stream().anyMatch(candidate -> candidate.path().matcher(path).matches());
    }

    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = Pattern.compile("\\{[^/}]+\\}").matcher(template);
        int last = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("[^/]+");
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }
}

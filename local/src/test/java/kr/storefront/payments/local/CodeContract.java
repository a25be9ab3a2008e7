package kr.storefront.payments.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.io.service.ServiceDefinition;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.inject.BeanDefinitionReference;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.storefront.payments.core.confirm.WebhookNotification;
import kr.storefront.payments.http.ApiError;
import kr.storefront.payments.http.Customer;
import kr.storefront.payments.http.IamCaller;
import kr.storefront.payments.local.ApiContract.AnyObject;
import kr.storefront.payments.local.ApiContract.Arr;
import kr.storefront.payments.local.ApiContract.Auth;
import kr.storefront.payments.local.ApiContract.ErrorCode;
import kr.storefront.payments.local.ApiContract.NoBody;
import kr.storefront.payments.local.ApiContract.Obj;
import kr.storefront.payments.local.ApiContract.Operation;
import kr.storefront.payments.local.ApiContract.Scalar;
import kr.storefront.payments.local.ApiContract.Shape;

/**
 * Reads the {@link ApiContract} from the code of the checkout and verify functions:
 * <ul>
 *   <li>the controllers: every Micronaut bean of those packages with {@code @Controller} (their bean definitions,
 *       as the framework finds them), their route annotations and arguments by reflection; a {@link Customer}
 *       argument means the JWT authorizer, an {@link IamCaller} argument the AWS_IAM one;</li>
 *   <li>request and response fields from the Serde records' components ({@code @JsonProperty} names,
 *       {@code @JsonUnwrapped} flattened, {@code @NotNull}/{@code @NotBlank} required);</li>
 *   <li>statuses and error codes from the source of the one error mapping ({@code ApiErrors}) and of each route
 *       method, which is where they are written as {@code HttpStatus} constants.</li>
 * </ul>
 * The webhook binds no body (it reads JSON or form itself): its fields are {@link WebhookNotification}'s.
 */
final class CodeContract {

    private static final List<String> PACKAGES = List.of("kr.storefront.payments.checkout.", "kr.storefront.payments.verify.");
    private static final List<Class<? extends Annotation>> ROUTE_ANNOTATIONS = List.of(Get.class, Post.class, Put.class,
            Delete.class);
    private static final Path ERROR_MAPPING = Path.of("functions/http/src/main/java/kr/storefront/payments/http/ApiErrors.java");

    private static final Pattern MAPPED = Pattern.compile("new Mapped\\(\\s*(HttpStatus\\.(\\w+)|status)\\s*,\\s*\"(\\w+)\"");
    private static final Pattern CASE_LABEL = Pattern.compile("case (\\w+) ->\\s*$");
    private static final Pattern CONTROLLER_ERROR = Pattern.compile(
            "ApiResponses\\.error\\(\\s*\\w+\\s*,\\s*HttpStatus\\.(\\w+)\\s*,\\s*\"(\\w+)\"");
    private static final Pattern STATUS = Pattern.compile("HttpStatus\\.(\\w+)");
    private static final Pattern OK_WITH = Pattern.compile("HttpResponse\\.(?:<[^>]*>)?ok\\(\\s*(?:new\\s+)?(\\w+)[.(]");

    private CodeContract() {
    }

    /** @param root the repository root (sources are read from there) */
    static ApiContract read(Path root) {
        Shape errorShape = shape(ApiError.class, Map.of(), false);
        Set<ErrorCode> codes = new LinkedHashSet<>(errorMapping(text(root.resolve(ERROR_MAPPING))));
        List<Operation> operations = new ArrayList<>();
        for (Class<?> controller : controllers()) {
            String source = text(root.resolve(sourceOf(controller)));
            String base = controller.getAnnotation(Controller.class).value();
            List<Method> routes = new ArrayList<>();
            for (Method method : controller.getDeclaredMethods()) {
                if (routeAnnotation(method) != null) {
                    routes.add(method);
                }
            }
            routes.sort(Comparator.comparingInt(m -> declaration(source, m)));
            for (int i = 0; i < routes.size(); i++) {
                Method method = routes.get(i);
                int from = declaration(source, method);
                String chunk = source.substring(from, i + 1 < routes.size() ? declaration(source, routes.get(i + 1)) : source.length());
                operations.add(operation(controller, base, method, chunk, errorShape, codes));
            }
        }
        operations.sort(Comparator.comparing(Operation::key));
        return new ApiContract(List.copyOf(operations), Set.copyOf(codes), errorShape);
    }

    /** The controller beans of checkout and verify, found the way Micronaut finds them: their bean definition references. */
    static List<Class<?>> controllers() {
        Set<Class<?>> found = new LinkedHashSet<>();
        // only ours are loaded: other definitions on this classpath may need classes it lacks
        for (ServiceDefinition<BeanDefinitionReference> definition : SoftServiceLoader.load(BeanDefinitionReference.class)) {
            if (PACKAGES.stream().noneMatch(definition.getName()::startsWith) || !definition.isPresent()) {
                continue;
            }
            BeanDefinitionReference<?> reference = definition.load();
            Class<?> type = reference.getBeanType();
            while (type != null && !type.isAnnotationPresent(Controller.class)) {
                type = type.getSuperclass(); // an intercepted (validating) subclass
            }
            if (type != null && reference.getAnnotationMetadata().hasStereotype(Controller.class)
                    && PACKAGES.stream().anyMatch(type.getName()::startsWith)) {
                found.add(type);
            }
        }
        List<Class<?>> controllers = new ArrayList<>(found);
        controllers.sort(Comparator.comparing(Class::getName));
        return controllers;
    }

    private static Operation operation(Class<?> controller, String base, Method method, String chunk, Shape errorShape,
                                       Set<ErrorCode> codes) {
        Annotation mapping = routeAnnotation(method);
        String httpMethod = mapping.annotationType().getSimpleName().toUpperCase(Locale.ROOT);
        String path = join(base, uri(mapping));
        Auth auth = Auth.NONE;
        Map<String, String> parameters = new TreeMap<>();
        boolean refusable = false;
        Map<String, Shape> requestBodies = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            if (parameter.getType() == Customer.class) {
                auth = Auth.JWT;
            } else if (parameter.getType() == IamCaller.class) {
                auth = Auth.IAM;
            } else if (parameter.isAnnotationPresent(Body.class)) {
                requestBodies.put(MediaType.APPLICATION_JSON, shape(parameter.getParameterizedType(), Map.of(), true));
            }
            refusable |= refusable(parameter);
            if (parameter.getType() == Customer.class || parameter.getType() == IamCaller.class
                    || parameter.isAnnotationPresent(Body.class)) {
                continue;
            }
            if (parameter.isAnnotationPresent(QueryValue.class)) {
                parameters.put(name(parameter.getAnnotation(QueryValue.class).value(), parameter), "query");
            } else if (parameter.isAnnotationPresent(PathVariable.class)) {
                String name = name(parameter.getAnnotation(PathVariable.class).value(), parameter);
                parameters.put(name, "path");
                path = path.replace("{" + parameter.getName() + "}", "{" + name + "}");
            } else if (parameter.isAnnotationPresent(Header.class)) {
                parameters.put(parameter.getAnnotation(Header.class).value(), "header");
            } else if (parameter.getType() == HttpRequest.class && method.getAnnotation(Post.class) != null
                    && method.getAnnotation(Post.class).consumes().length > 0 && !bindsBody(method)) {
                // reads its raw body itself: the webhook, JSON or form
                Shape notification = webhookNotification();
                for (String type : method.getAnnotation(Post.class).consumes()) {
                    requestBodies.put(type, notification);
                }
            }
        }
        Map<Integer, Shape> responses = new TreeMap<>();
        Type returned = method.getGenericReturnType();
        Shape declared = null;
        if (method.getReturnType() == HttpResponse.class) {
            Type argument = ((ParameterizedType) returned).getActualTypeArguments()[0];
            declared = argument instanceof WildcardType ? null : shape(argument, Map.of(), false);
        } else {
            responses.put(200, shape(returned, Map.of(), false));
        }
        Matcher errors = CONTROLLER_ERROR.matcher(chunk);
        Set<Integer> errorStatuses = new LinkedHashSet<>();
        while (errors.find()) {
            int status = HttpStatus.valueOf(errors.group(1)).getCode();
            errorStatuses.add(status);
            codes.add(new ErrorCode(status, errors.group(2)));
            responses.put(status, errorShape);
        }
        Matcher statuses = STATUS.matcher(chunk);
        while (statuses.find()) {
            int status = HttpStatus.valueOf(statuses.group(1)).getCode();
            if (!errorStatuses.contains(status)) {
                responses.putIfAbsent(status, declared == null ? new NoBody() : declared);
            }
        }
        if (chunk.contains("HttpResponse.created(")) {
            responses.put(201, declared);
        }
        Matcher ok = OK_WITH.matcher(chunk);
        while (ok.find()) {
            responses.put(200, declared != null ? declared : shape(bodyClass(controller, ok.group(1)), Map.of(), false));
        }
        if (refusable || !requestBodies.isEmpty()) {
            responses.putIfAbsent(400, errorShape); // refused input
        }
        if (!requestBodies.isEmpty()) {
            responses.putIfAbsent(413, errorShape); // RequestSizeLimit
            responses.putIfAbsent(415, errorShape); // a body of another content type
        }
        if (auth == Auth.JWT) {
            responses.putIfAbsent(401, errorShape); // CustomerBinder
        }
        if (auth == Auth.IAM) {
            responses.putIfAbsent(403, errorShape); // IamCallerBinder
        }
        return new Operation(httpMethod, path, auth, Map.copyOf(parameters), Map.copyOf(requestBodies), Map.copyOf(responses));
    }

    private static boolean bindsBody(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(Body.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the framework can refuse this argument (400): it is validated (a {@code jakarta.validation} constraint)
     * or converted from text to another type. A plain optional string (the redirect's query) is never refused.
     */
    private static boolean refusable(Parameter parameter) {
        if (parameter.getType() == Customer.class || parameter.getType() == IamCaller.class
                || parameter.getType() == HttpRequest.class) {
            return false;
        }
        if (parameter.getType() != String.class) {
            return true;
        }
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation.annotationType().getPackageName().startsWith("jakarta.validation")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The webhook's fields, JSON or form: {@link WebhookNotification}'s components in snake_case (how
     * {@code WebhookBodies} reads them), required unless {@code @Nullable}.
     */
    private static Obj webhookNotification() {
        Map<String, Shape> properties = new TreeMap<>();
        Set<String> required = new java.util.TreeSet<>();
        for (RecordComponent component : WebhookNotification.class.getRecordComponents()) {
            String name = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
            properties.put(name, shape(component.getGenericType(), Map.of(), true));
            if (!component.getAccessor().isAnnotationPresent(io.micronaut.core.annotation.Nullable.class)
                    && !component.getAccessor().getAnnotatedReturnType().isAnnotationPresent(io.micronaut.core.annotation.Nullable.class)) {
                required.add(name);
            }
        }
        return new Obj(WebhookNotification.class.getName(), Map.copyOf(properties), Set.copyOf(required));
    }

    /** Every (status, code) of the error mapping: {@code new Mapped(HttpStatus.X, "code", ...)} and its {@code case X ->} arms. */
    static List<ErrorCode> errorMapping(String source) {
        List<ErrorCode> codes = new ArrayList<>();
        Matcher matcher = MAPPED.matcher(source);
        int found = 0;
        while (matcher.find()) {
            found++;
            String constant = matcher.group(2);
            if (constant == null) {
                String line = source.substring(source.lastIndexOf('\n', matcher.start()) + 1, matcher.start());
                Matcher label = CASE_LABEL.matcher(line);
                if (!label.find()) {
                    continue; // the pass-through default: any other 4xx the framework chose, as invalid_request
                }
                constant = label.group(1);
            }
            codes.add(new ErrorCode(HttpStatus.valueOf(constant).getCode(), matcher.group(3)));
        }
        int written = source.split("new Mapped\\(", -1).length - 1;
        if (found != written) {
            throw new IllegalStateException("ApiErrors has " + written + " `new Mapped(` but only " + found
                    + " read as (status, \"code\"): teach CodeContract the new form");
        }
        return codes;
    }

    static Shape shape(Type type, Map<String, Type> bound, boolean request) {
        if (type instanceof TypeVariable<?> variable) {
            return shape(bound.getOrDefault(variable.getName(), Object.class), Map.of(), request);
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                return new Arr(shape(parameterized.getActualTypeArguments()[0], bound, request));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return new AnyObject();
            }
            Map<String, Type> arguments = new HashMap<>();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            for (int i = 0; i < variables.length; i++) {
                Type argument = parameterized.getActualTypeArguments()[i];
                arguments.put(variables[i].getName(), argument instanceof TypeVariable<?> v ? bound.getOrDefault(v.getName(),
                        Object.class) : argument);
            }
            return record(raw, arguments, request);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class || cls == Instant.class || cls.isEnum() || cls == java.net.URI.class) {
            return new Scalar("string");
        }
        if (cls == int.class || cls == Integer.class || cls == long.class || cls == Long.class) {
            return new Scalar("integer");
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return new Scalar("boolean");
        }
        if (cls == double.class || cls == Double.class || cls == java.math.BigDecimal.class) {
            return new Scalar("number");
        }
        if (cls.isRecord()) {
            return record(cls, Map.of(), request);
        }
        return new AnyObject(); // Map, a JSON tree (io.micronaut.json.tree.JsonNode), Object
    }

    private static Obj record(Class<?> type, Map<String, Type> bound, boolean request) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is not a record: CodeContract reads bodies from record components");
        }
        Map<String, Shape> properties = new TreeMap<>();
        Set<String> required = new java.util.TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            Shape shape = shape(component.getGenericType(), bound, request);
            if (accessor.isAnnotationPresent(JsonUnwrapped.class) && shape instanceof Obj inner) {
                properties.putAll(inner.properties());
                required.addAll(inner.required());
                continue;
            }
            JsonProperty property = accessor.getAnnotation(JsonProperty.class);
            String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
            properties.put(name, shape);
            if (request && (accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class)
                    || fieldAnnotated(type, component))) {
                required.add(name);
            }
        }
        return new Obj(type.getName(), Map.copyOf(properties), Set.copyOf(required));
    }

    /** Bean Validation's annotations land on the record's field (their targets include FIELD, not METHOD only). */
    private static boolean fieldAnnotated(Class<?> type, RecordComponent component) {
        try {
            var field = type.getDeclaredField(component.getName());
            return field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Class<?> bodyClass(Class<?> controller, String simpleName) {
        for (Class<?> nested : controller.getDeclaredClasses()) {
            if (nested.getSimpleName().equals(simpleName)) {
                return nested;
            }
        }
        try {
            return Class.forName(controller.getPackageName() + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(controller.getSimpleName() + " answers a " + simpleName + " that is not in its package", e);
        }
    }

    private static Annotation routeAnnotation(Method method) {
        for (Class<? extends Annotation> type : ROUTE_ANNOTATIONS) {
            Annotation annotation = method.getAnnotation(type);
            if (annotation != null) {
                return annotation;
            }
        }
        return null;
    }

    private static String uri(Annotation mapping) {
        try {
            String value = (String) mapping.annotationType().getMethod("value").invoke(mapping);
            String uri = (String) mapping.annotationType().getMethod("uri").invoke(mapping);
            return "/".equals(value) ? uri : value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String base, String uri) {
        String path = base + ("/".equals(uri) ? "" : uri);
        return path.isEmpty() ? "/" : path;
    }

    /** The argument's name as sent: the annotation's, else the Java name in snake_case (how the template names variables). */
    private static String name(String annotated, Parameter parameter) {
        if (!annotated.isEmpty()) {
            return annotated;
        }
        if (!parameter.isNamePresent()) {
            throw new IllegalStateException("compile with -parameters to read " + parameter);
        }
        return parameter.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static int declaration(String source, Method method) {
        Matcher matcher = Pattern.compile("\\s" + Pattern.quote(method.getName()) + "\\(").matcher(source);
        if (!matcher.find()) {
            throw new IllegalStateException("no declaration of " + method.getName() + " in the source of " + method.getDeclaringClass());
        }
        return matcher.start();
    }

    private static Path sourceOf(Class<?> controller) {
        String module = controller.getName().startsWith("kr.storefront.payments.checkout.") ? "checkout" : "verify";
        return Path.of("functions", module, "src/main/java", controller.getName().replace('.', '/') + ".java");
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

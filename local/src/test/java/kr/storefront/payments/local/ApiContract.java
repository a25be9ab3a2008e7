package kr.storefront.payments.local;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the code says the HTTP API is, in the terms an OpenAPI document states it: routes with their
 * auth, parameters, request body and responses, and the error codes with their statuses. Built from
 * the code by {@link CodeContract}; compared with {@code docs/openapi.yaml} by {@link OpenApiDrift}.
 *
 * @param operations every route of the checkout and verify functions
 * @param errorCodes every (status, code) pair an error body can carry
 * @param errorShape the one error body ({@code ApiError})
 */
record ApiContract(List<Operation> operations, Set<ErrorCode> errorCodes, Shape errorShape) {

    /** How a route is authorized: API Gateway's authorizer, and the code's own check behind it. */
    enum Auth { NONE, JWT, IAM }

    /** A JSON value's shape, as far as a document states it. */
    sealed interface Shape permits Scalar, Arr, Obj, AnyObject, NoBody { }

    /** {@code string}, {@code integer}, {@code boolean} or {@code number}. */
    record Scalar(String type) implements Shape { }

    record Arr(Shape items) implements Shape { }

    /**
     * @param properties every property by its JSON name
     * @param required   the properties a request must carry (empty for responses: not checked there)
     */
    record Obj(String javaType, Map<String, Shape> properties, Set<String> required) implements Shape { }

    /** A free-form object ({@code Map}, a JSON tree). */
    record AnyObject() implements Shape { }

    /** A response without a body (a redirect). */
    record NoBody() implements Shape { }

    /**
     * @param method          HTTP method, upper case
     * @param path            path template with snake_case variables, as API Gateway routes it
     * @param auth            what authorizes it
     * @param parameters      name to where it is ({@code query}, {@code header}, {@code path})
     * @param requestBodies   media type to the body's shape; empty when the route reads no body
     * @param responses       status to the body's shape
     */
    record Operation(String method, String path, Auth auth, Map<String, String> parameters, Map<String, Shape> requestBodies,
                     Map<Integer, Shape> responses) {

        String key() {
            return method + " " + path;
        }
    }

    record ErrorCode(int status, String code) { }
}

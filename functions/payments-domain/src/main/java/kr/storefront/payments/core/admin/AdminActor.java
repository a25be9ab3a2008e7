package kr.storefront.payments.core.admin;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * Who performs an administrative action, as the audit trail records it.
 *
 * @param principalArn the IAM principal that signed the request (AWS's verified identity)
 * @param requestId    API Gateway's request id, which leads to the request's log lines; null outside API Gateway
 */
public record AdminActor(String principalArn, @Nullable String requestId) {

    public AdminActor {
        Objects.requireNonNull(principalArn, "principalArn");
    }
}

package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import kr.storefront.payments.core.admin.AuditEntry;

/** One administrative action: who (IAM principal), what, when, under which API Gateway request, and how it ended. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditView(
        String id,
        Instant at,
        @JsonProperty("principal_arn") String principalArn,
        @JsonProperty("request_id") @Nullable String requestId,
        String action,
        String detail,
        String outcome) {

    public static AuditView of(AuditEntry entry) {
        return new AuditView(entry.id(), entry.at(), entry.principalArn(), entry.requestId(), entry.action(), entry.detail(),
                entry.outcome());
    }
}

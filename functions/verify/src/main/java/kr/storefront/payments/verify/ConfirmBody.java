package kr.storefront.payments.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The PC callback's {@code {imp_uid, merchant_uid}}. merchant_uid is required: being unguessable,
 * it is what entitles a caller to an order's state (imp_uids are sequential).
 */
@Serdeable
public record ConfirmBody(
        @JsonProperty("imp_uid") @Nullable @Pattern(regexp = PaymentIds.IMP_UID, message = "not an i'mport payment id") String impUid,
        @JsonProperty("merchant_uid") @NotNull(message = "required")
        @Pattern(regexp = PaymentIds.MERCHANT_UID, message = "not a merchant_uid of this service") String merchantUid) {
}

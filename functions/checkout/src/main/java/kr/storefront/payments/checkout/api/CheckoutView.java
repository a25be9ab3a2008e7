package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;
import java.util.Map;
import kr.storefront.payments.core.checkout.CheckoutParams;

/** {@code IMP.init(imp_code); IMP.request_pay(params, callback);} */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckoutView(
        @JsonProperty("imp_code") String impCode,
        @JsonProperty("merchant_uid") String merchantUid,
        @JsonProperty("customer_uid") @Nullable String customerUid,
        long amount,
        String status,
        Map<String, Object> params) {

    public static CheckoutView of(CheckoutParams params) {
        return new CheckoutView(params.impCode(), params.merchantUid(), params.customerUid(), params.amount(),
                params.status().name().toLowerCase(Locale.ROOT), params.params());
    }
}

package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;
import kr.storefront.payments.core.checkout.CardPaymentResult;

/** Result of a Toss API-mode card payment. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardPaymentView(
        @JsonProperty("merchant_uid") String merchantUid,
        long amount,
        String outcome,
        @JsonProperty("order_status") String orderStatus,
        @JsonProperty("imp_uid") @Nullable String impUid,
        @Nullable String reason,
        @JsonProperty("customer_uid") @Nullable String customerUid) {

    public static CardPaymentView of(CardPaymentResult result) {
        return new CardPaymentView(result.order().merchantUid(), result.order().amount(),
                result.outcome().name().toLowerCase(Locale.ROOT), result.order().status().name().toLowerCase(Locale.ROOT),
                result.order().impUid(), result.reason(), result.customerUid());
    }
}

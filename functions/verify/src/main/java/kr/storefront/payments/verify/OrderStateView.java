package kr.storefront.payments.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Locale;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.VirtualAccount;

/** An order's confirmed state, for the PC callback (and a storefront page polling after the redirect). */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderStateView(
        @JsonProperty("merchant_uid") String merchantUid,
        @JsonProperty("imp_uid") @Nullable String impUid,
        String status,
        boolean paid,
        String kind,
        long amount,
        String currency,
        @JsonProperty("customer_uid") @Nullable String customerUid,
        @JsonProperty("virtual_account") @Nullable AccountView virtualAccount,
        @JsonProperty("fail_reason") @Nullable String failReason,
        @JsonProperty("updated_at") Instant updatedAt) {

    /** A virtual account to deposit into. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountView(@JsonProperty("bank_name") @Nullable String bankName, String number, @Nullable String holder,
                              @JsonProperty("due_at") @Nullable Instant dueAt) {
        static @Nullable AccountView of(@Nullable VirtualAccount account) {
            return account == null ? null : new AccountView(account.bankName(), account.number(), account.holder(), account.dueAt());
        }
    }

    static OrderStateView of(Order order) {
        return new OrderStateView(order.merchantUid(), order.impUid(), statusCode(order.status()),
                order.status() == OrderStatus.PAID, order.kind().name().toLowerCase(Locale.ROOT), order.amount(), order.currency(),
                order.customerUid(), AccountView.of(order.virtualAccount()), order.failReason(), order.updatedAt());
    }

    /** The status word used in responses and redirect URLs. */
    static String statusCode(OrderStatus status) {
        return status == OrderStatus.FORGED ? "rejected" : status.name().toLowerCase(Locale.ROOT);
    }
}

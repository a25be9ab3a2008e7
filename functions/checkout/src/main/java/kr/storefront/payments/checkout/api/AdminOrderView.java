package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderLine;
import kr.storefront.payments.core.domain.VirtualAccount;

/** An order as the back office sees it (list items and the order of {@link AdminOrderRecordView}). */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdminOrderView(
        @JsonProperty("merchant_uid") String merchantUid,
        String kind,
        String status,
        @JsonProperty("customer_id") @Nullable String customerId,
        String name,
        long amount,
        String currency,
        String pg,
        @JsonProperty("pay_method") @Nullable String payMethod,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<LineView> lines,
        @JsonProperty("imp_uid") @Nullable String impUid,
        @JsonProperty("customer_uid") @Nullable String customerUid,
        @JsonProperty("subscription_id") @Nullable String subscriptionId,
        @JsonProperty("plan_id") @Nullable String planId,
        @Nullable CardView card,
        @JsonProperty("virtual_account") @Nullable AccountView virtualAccount,
        @JsonProperty("fail_reason") @Nullable String failReason,
        @JsonProperty("refunded_amount") long refundedAmount,
        @JsonProperty("refundable_amount") long refundableAmount,
        @JsonProperty("pending_refund") @Nullable PendingRefundView pendingRefund,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt) {

    /** One catalog line, with its total, so one line can be refunded by its {@code line_total}. */
    @Serdeable
    public record LineView(String sku, String name, @JsonProperty("unit_price") long unitPrice, int quantity,
                           @JsonProperty("line_total") long lineTotal) {
        static LineView of(OrderLine line) {
            return new LineView(line.sku(), line.name(), line.unitPrice(), line.quantity(),
                    Math.multiplyExact(line.unitPrice(), line.quantity()));
        }
    }

    /** The virtual account issued for a vbank payment. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountView(@JsonProperty("bank_code") @Nullable String bankCode, @JsonProperty("bank_name") @Nullable String bankName,
                              String number, @Nullable String holder, @JsonProperty("due_at") @Nullable Instant dueAt) {
        static @Nullable AccountView of(@Nullable VirtualAccount account) {
            return account == null ? null
                    : new AccountView(account.bankCode(), account.bankName(), account.number(), account.holder(), account.dueAt());
        }
    }

    /** A refund sent whose outcome is not known yet: the next lookup, refund request or rebill run settles it. */
    @Serdeable
    public record PendingRefundView(@JsonProperty("refund_id") String refundId, long amount,
                                    @JsonProperty("requested_at") Instant requestedAt) {
    }

    public static AdminOrderView of(Order o) {
        return new AdminOrderView(o.merchantUid(), o.kind().name().toLowerCase(Locale.ROOT), o.status().name().toLowerCase(Locale.ROOT),
                o.customerId(), o.name(), o.amount(), o.currency(), o.pg().code(), o.payMethod(),
                o.lines().stream().map(LineView::of).toList(), o.impUid(), o.customerUid(), o.subscriptionId(), o.planId(),
                CardView.of(o.card()), AccountView.of(o.virtualAccount()), o.failReason(), o.refundedAmount(), o.refundable(),
                o.pendingRefund() == null ? null : new PendingRefundView(o.pendingRefund().refundId(), o.pendingRefund().amount(),
                        o.pendingRefund().requestedAt()),
                o.createdAt(), o.updatedAt());
    }
}

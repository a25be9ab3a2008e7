package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import kr.storefront.payments.core.admin.OrderAdministration;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.iamport.IamportPayment;

/**
 * {@code GET /checkout/admin/orders/{merchant_uid}}: the order, its payment, its refunds, i'mport's webhook deliveries
 * about it and the administrative actions on it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminOrderRecordView(
        AdminOrderView order,
        List<PaymentView> payments,
        List<RefundView.RefundEntry> refunds,
        @JsonProperty("webhook_deliveries") List<DeliveryView> webhookDeliveries,
        List<AuditView> audit) {

    /**
     * The i'mport payment of the order as we recorded it, and (with {@code ?live=true}) as i'mport reports it now.
     *
     * @param matches with {@code at_iamport}: whether i'mport's status and amounts agree with our order
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaymentView(@JsonProperty("imp_uid") String impUid, String pg, @JsonProperty("pay_method") @Nullable String payMethod,
                              long amount, @Nullable CardView card,
                              @JsonProperty("virtual_account") @Nullable AdminOrderView.AccountView virtualAccount,
                              @JsonProperty("at_iamport") @Nullable AtIamport atIamport, @Nullable Boolean matches) {
    }

    /** i'mport's record, read just now. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AtIamport(String status, long amount, @JsonProperty("cancel_amount") long cancelAmount, String currency,
                            @JsonProperty("pg_provider") @Nullable String pgProvider,
                            @JsonProperty("paid_at") @Nullable Instant paidAt, @JsonProperty("cancelled_at") @Nullable Instant cancelledAt,
                            @JsonProperty("fail_reason") @Nullable String failReason,
                            @JsonProperty("cancel_history_entries") int cancelHistoryEntries) {
        static AtIamport of(IamportPayment p) {
            return new AtIamport(p.status().code(), p.amount(), p.cancelledAmount(), p.currency(),
                    p.pgProvider(), p.paidAt(), p.cancelledAt(), p.failReason(), p.cancelHistory().size());
        }
    }

    /** One webhook delivery as the verify function recorded it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(@JsonProperty("received_at") Instant receivedAt, @Nullable String status,
                               @JsonProperty("source_ip") @Nullable String sourceIp, String verdict, String detail) {
        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.receivedAt(), d.status(), d.sourceIp(), d.verdict().name().toLowerCase(Locale.ROOT),
                    d.detail());
        }
    }

    public static AdminOrderRecordView of(OrderAdministration.OrderRecord record) {
        Order order = record.order();
        List<PaymentView> payments = order.impUid() == null ? List.of() : List.of(new PaymentView(order.impUid(), order.pg().code(),
                order.payMethod(), order.amount(), CardView.of(order.card()), AdminOrderView.AccountView.of(order.virtualAccount()),
                record.atIamport().map(AtIamport::of).orElse(null),
                record.atIamport().map(p -> agrees(order, p)).orElse(null)));
        return new AdminOrderRecordView(AdminOrderView.of(order), payments,
                order.refunds().stream().map(RefundView.RefundEntry::of).toList(),
                record.deliveries().stream().map(DeliveryView::of).toList(), record.audit().stream().map(AuditView::of).toList());
    }

    private static boolean agrees(Order order, IamportPayment payment) {
        boolean sameMoney = payment.amount() == order.amount() && payment.cancelledAmount() == order.refundedAmount()
                && order.currency().equals(payment.currency()) && order.merchantUid().equals(payment.merchantUid());
        boolean sameState = switch (payment.status()) {
            case PAID -> order.status() == OrderStatus.PAID
                    || order.status() == OrderStatus.PARTIALLY_REFUNDED;
            case CANCELLED -> order.status() == OrderStatus.REFUNDED
                    || order.status() == OrderStatus.CANCELLED
                    || order.status() == OrderStatus.FORGED;
            case READY -> order.status() == OrderStatus.AWAITING_DEPOSIT
                    || order.status() == OrderStatus.PENDING;
            case FAILED -> order.status() == OrderStatus.FAILED;
            case UNRECOGNIZED -> false;
        };
        return sameMoney && sameState;
    }
}

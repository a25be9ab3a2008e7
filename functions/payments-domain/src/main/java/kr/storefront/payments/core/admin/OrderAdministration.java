package kr.storefront.payments.core.admin;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.storefront.payments.core.confirm.WebhookDelivery;
import kr.storefront.payments.core.confirm.WebhookLog;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.refund.RefundOutcome;
import kr.storefront.payments.core.refund.RefundRequest;
import kr.storefront.payments.core.refund.RefundService;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.Page;

/** The back office's view of orders (one, or a status over a time range) and its refunds, each one audited. */
@Singleton
public class OrderAdministration {

    private final OrderStore orders;
    private final WebhookLog webhooks;
    private final AuditTrail audit;
    private final AdminAudit audited;
    private final RefundService refunds;
    private final IamportGateway gateway;

    OrderAdministration(OrderStore orders, WebhookLog webhooks, AuditTrail audit, AdminAudit audited, RefundService refunds,
                        IamportGateway gateway) {
        this.orders = orders;
        this.webhooks = webhooks;
        this.audit = audit;
        this.audited = audited;
        this.refunds = refunds;
        this.gateway = gateway;
    }

    /**
     * An order with what is known around it.
     *
     * @param order      as stored (refunds included)
     * @param deliveries i'mport's webhook deliveries about its payment, oldest first (kept for the log's retention)
     * @param audit      administrative actions on it, oldest first
     * @param atIamport  i'mport's record of its payment, when asked for and there is one
     */
    public record OrderRecord(Order order, List<WebhookDelivery> deliveries, List<AuditEntry> audit,
                              Optional<IamportPayment> atIamport) {
    }

    /**
     * A refund of it still pending (its answer lost) is settled first from i'mport's {@code cancel_history}.
     *
     * @param live also read i'mport's record of the payment (one i'mport call)
     * @throws ResourceNotFoundException when there is no such order
     */
    public OrderRecord find(String merchantUid, boolean live) {
        Order order = refunds.settlePending(orders.find(merchantUid).orElseThrow(() -> new ResourceNotFoundException("order")));
        List<WebhookDelivery> deliveries = order.impUid() == null ? List.of() : webhooks.deliveries(order.impUid());
        Optional<IamportPayment> atIamport = live && order.impUid() != null ? gateway.findPayment(order.impUid())
                : Optional.empty();
        return new OrderRecord(order, deliveries, audit.forOrder(merchantUid), atIamport);
    }

    /** Orders in {@code status} created at or after {@code from} and before {@code to}, newest first. */
    public Page<Order> list(OrderStatus status, Instant from, Instant to, @Nullable String cursor, int limit) {
        return orders.findByStatusCreatedBetween(status, from, to, cursor, limit);
    }

    /** {@link RefundService#refund}, audited. */
    public RefundOutcome refund(AdminActor actor, String merchantUid, RefundRequest request, @Nullable String idempotencyKey) {
        String detail = (request.amount() == null ? "all that is left" : request.amount() + " won")
                + (request.refundAccount() == null ? "" : ", to a refund account") + ": " + request.reason();
        return audited.run(actor, AuditSubject.order(merchantUid), "refund", detail,
                () -> refunds.refund(merchantUid, request, idempotencyKey), OrderAdministration::outcome);
    }

    static String outcome(RefundOutcome outcome) {
        if (outcome instanceof RefundOutcome.Refunded refunded) {
            return (refunded.replayed() ? "replayed: " : "refunded: ") + refunded.refund().amount() + " won, "
                    + refunded.refund().refundId();
        }
        if (outcome instanceof RefundOutcome.Pending pending) {
            return "pending: " + pending.refundId();
        }
        return "rejected by i'mport: code " + ((RefundOutcome.Rejected) outcome).iamportCode();
    }
}

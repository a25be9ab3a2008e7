package kr.storefront.payments.store.dynamodb;

import io.micronaut.core.annotation.Nullable;
import kr.storefront.payments.core.domain.CardSummary;
import kr.storefront.payments.core.domain.OrderLine;
import kr.storefront.payments.core.domain.PendingRefund;
import kr.storefront.payments.core.domain.Refund;
import kr.storefront.payments.core.domain.VirtualAccount;

/** Map attributes shared by several items. */
final class NestedItems {

    private NestedItems() {
    }

    @Nullable
    static ItemBuilder card(@Nullable CardSummary card) {
        return card == null ? null : new ItemBuilder()
                .string("card_code", card.cardCode())
                .string("card_name", card.cardName())
                .string("masked_number", card.maskedNumber())
                .number("card_type", card.cardType());
    }

    static CardSummary card(ItemReader reader) {
        return new CardSummary(reader.optionalString("card_code"), reader.optionalString("card_name"),
                reader.optionalString("masked_number"), reader.optionalInteger("card_type"));
    }

    @Nullable
    static ItemBuilder virtualAccount(@Nullable VirtualAccount account) {
        return account == null ? null : new ItemBuilder()
                .string("bank_code", account.bankCode())
                .string("bank_name", account.bankName())
                .string("number", account.number())
                .string("holder", account.holder())
                .time("due_at", account.dueAt());
    }

    static VirtualAccount virtualAccount(ItemReader reader) {
        return new VirtualAccount(reader.optionalString("bank_code"), reader.optionalString("bank_name"), reader.string("number"),
                reader.optionalString("holder"), reader.optionalTime("due_at"));
    }

    static ItemBuilder line(OrderLine line) {
        return new ItemBuilder()
                .string("sku", line.sku())
                .string("name", line.name())
                .number("unit_price", line.unitPrice())
                .number("quantity", line.quantity());
    }

    static OrderLine line(ItemReader reader) {
        return reader.construct(() -> new OrderLine(reader.string("sku"), reader.string("name"), reader.number("unit_price"),
                reader.integer("quantity")));
    }

    static ItemBuilder refund(Refund refund) {
        return new ItemBuilder()
                .string("refund_id", refund.refundId())
                .string("pg_tid", refund.pgTid())
                .number("amount", refund.amount())
                .time("cancelled_at", refund.cancelledAt())
                .string("reason", refund.reason())
                .string("receipt_url", refund.receiptUrl());
    }

    static Refund refund(ItemReader reader) {
        return reader.construct(() -> new Refund(reader.optionalString("refund_id"), reader.optionalString("pg_tid"),
                reader.number("amount"), reader.time("cancelled_at"), reader.optionalString("reason"),
                reader.optionalString("receipt_url")));
    }

    @Nullable
    static ItemBuilder pendingRefund(@Nullable PendingRefund pending) {
        return pending == null ? null : new ItemBuilder()
                .string("refund_id", pending.refundId())
                .number("amount", pending.amount())
                .number("checksum", pending.checksum())
                .time("requested_at", pending.requestedAt());
    }

    static PendingRefund pendingRefund(ItemReader reader) {
        return reader.construct(() -> new PendingRefund(reader.string("refund_id"), reader.number("amount"),
                reader.number("checksum"), reader.time("requested_at")));
    }
}

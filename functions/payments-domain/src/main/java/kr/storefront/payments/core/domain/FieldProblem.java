package kr.storefront.payments.core.domain;

/**
 * One reason a request was refused, tied to the request field at fault (dotted path, e.g.
 * {@code items[2].quantity}, {@code card.direct.code}). Messages never quote the rejected value.
 */
public record FieldProblem(String field, String message) {
}

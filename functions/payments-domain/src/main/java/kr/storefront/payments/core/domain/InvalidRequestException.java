package kr.storefront.payments.core.domain;

import java.util.List;

/** Thrown when a request breaks a business rule (a PG's rules, catalog, ownership of inputs); lists every problem found. */
public final class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid request" : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

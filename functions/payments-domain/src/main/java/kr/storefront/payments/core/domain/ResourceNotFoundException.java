package kr.storefront.payments.core.domain;

/** Thrown when a customer asks for one of their resources that does not exist (or is not theirs: the two are never told apart). */
public final class ResourceNotFoundException extends RuntimeException {

    /** @param resource what was asked for ({@code "billing key"}); the id is caller input and never part of the message */
    public ResourceNotFoundException(String resource) {
        super(resource + " not found");
    }
}

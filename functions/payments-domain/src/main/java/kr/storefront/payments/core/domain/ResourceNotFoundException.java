package kr.storefront.payments.core.domain;

/** Thrown when a customer asks for one of their resources that does not exist (or is not theirs: the two are never told apart). */
public final class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, String id) {
        super(resource + " " + id + " not found");
    }
}

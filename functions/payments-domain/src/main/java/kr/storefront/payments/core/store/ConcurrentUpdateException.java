package kr.storefront.payments.core.store;

/** Thrown when an item kept changing under a read-modify-write (or vanished); a retry of the whole request settles it. */
public final class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String id) {
        super(id + " kept changing while it was being updated");
    }
}

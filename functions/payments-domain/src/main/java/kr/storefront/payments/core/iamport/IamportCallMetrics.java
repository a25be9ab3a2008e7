package kr.storefront.payments.core.iamport;

/** How long each call to i'mport took, for the operator's metrics (docs/operations.md). */
public interface IamportCallMetrics {

    /**
     * One call ended: answered (any status) or failed on the network.
     *
     * @param operation the gateway's name of the call ({@code prepare}, {@code findPayment}, {@code again}, ...)
     */
    void iamportCall(String operation, long elapsedMillis);
}

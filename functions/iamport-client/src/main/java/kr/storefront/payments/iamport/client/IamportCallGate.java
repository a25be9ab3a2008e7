package kr.storefront.payments.iamport.client;

import kr.storefront.payments.core.iamport.IamportUnavailableException;

/**
 * A say over each call to i'mport before anything is sent. The client brings none; every bean of
 * this type is asked in turn, and one that throws refuses the call (the SnapStart module refuses all
 * of them while it warms the function up, so nothing reaches i'mport before a snapshot).
 */
public interface IamportCallGate {

    /**
     * @param operation the call's name, as in the client's log lines ({@code findPayment}, {@code again}...)
     * @throws IamportUnavailableException with {@code requestSent} false, to refuse the call
     */
    void check(String operation);
}

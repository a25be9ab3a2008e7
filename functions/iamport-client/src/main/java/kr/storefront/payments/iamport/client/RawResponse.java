package kr.storefront.payments.iamport.client;

/** An HTTP answer from i'mport before its envelope is read. */
record RawResponse(int status, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isServerError() {
        return status >= 500;
    }
}

package kr.storefront.payments.checkout.web;

/** Limits of list routes ({@code ?cursor=&limit=}). */
final class Paging {

    static final String DEFAULT_LIMIT = "20";
    static final int MAX_LIMIT = 100;
    static final int MAX_CURSOR_LENGTH = 1024;

    private Paging() {
    }
}

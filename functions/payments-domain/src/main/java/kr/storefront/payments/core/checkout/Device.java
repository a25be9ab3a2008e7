package kr.storefront.payments.core.checkout;

/** Where the payment window opens: PC windows answer through the JS callback, mobile ones redirect. */
public enum Device { PC, MOBILE }

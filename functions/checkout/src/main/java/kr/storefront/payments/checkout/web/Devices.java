package kr.storefront.payments.checkout.web;

import kr.storefront.payments.core.checkout.Device;

/** {@code "pc"} / {@code "mobile"} (already checked by the body's constraint). */
final class Devices {

    private Devices() {
    }

    static Device parse(String device) {
        return "mobile".equals(device) ? Device.MOBILE : Device.PC;
    }
}

package kr.storefront.payments.core.confirm;

import java.util.List;

/** Where webhook deliveries are recorded for audit. */
public interface WebhookLog {

    void record(WebhookDelivery delivery);

    /** Deliveries recorded for one payment, oldest first. */
    List<WebhookDelivery> deliveries(String impUid);
}

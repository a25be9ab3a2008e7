package kr.storefront.payments.testkit.iamport;

/** Armed drop and duplicate faults; each fired webhook takes one decision. Holding is the dispatcher's. */
final class WebhookFaultPlan {

    enum Fate { DELIVER, DELIVER_TWICE, DROP }

    private int dropsLeft;
    private int duplicatesLeft;

    synchronized void dropNext(int count) {
        dropsLeft = count;
    }

    synchronized void duplicateNext(int count) {
        duplicatesLeft = count;
    }

    /** Drops win over duplicates. */
    synchronized Fate decide() {
        if (dropsLeft > 0) {
            dropsLeft--;
            return Fate.DROP;
        }
        if (duplicatesLeft > 0) {
            duplicatesLeft--;
            return Fate.DELIVER_TWICE;
        }
        return Fate.DELIVER;
    }

    synchronized void clear() {
        dropsLeft = 0;
        duplicatesLeft = 0;
    }
}

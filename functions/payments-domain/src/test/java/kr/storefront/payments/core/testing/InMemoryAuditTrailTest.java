package kr.storefront.payments.core.testing;

import kr.storefront.payments.core.admin.AuditTrail;
import kr.storefront.payments.core.testing.contract.AuditTrailContract;

/** The {@link AuditTrailContract} on the fake. */
class InMemoryAuditTrailTest extends AuditTrailContract {

    @Override
    protected AuditTrail newTrail() {
        return new InMemoryAuditTrail();
    }
}

package kr.storefront.payments.core.checkout;

import jakarta.inject.Singleton;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportRejectedException;
import kr.storefront.payments.core.secrets.IamportCredentials;
import kr.storefront.payments.core.secrets.IamportCredentialsProvider;

/** What checkout needs from i'mport before the window opens: merchant code, PG string, registered amount. */
@Singleton
class IamportWindow {

    private final IamportGateway gateway;
    private final IamportCredentialsProvider credentials;
    private final CheckoutConfiguration configuration;

    IamportWindow(IamportGateway gateway, IamportCredentialsProvider credentials, CheckoutConfiguration configuration) {
        this.gateway = gateway;
        this.credentials = credentials;
        this.configuration = configuration;
    }

    String impCode() {
        return credentials.current().impCode();
    }

    /** {@code "tosspayments"}, or {@code "tosspayments.<MID>"} when the secret names a MID for it. */
    String pgParameter(Pg pg) {
        IamportCredentials current = credentials.current();
        return current.pgMid(pg.code()).map(mid -> pg.code() + "." + mid).orElse(pg.code());
    }

    /**
     * Registers the amount so i'mport refuses to open the window with any other. Repeating it for a
     * retried request is fine: a refusal is accepted when the amount already registered is ours.
     *
     * @throws AmountRegistrationException when i'mport refuses and holds another amount (or none)
     */
    void prepare(String merchantUid, long amount) {
        if (!configuration.prepareAmounts() || amount <= 0) {
            return;
        }
        try {
            gateway.prepare(merchantUid, amount);
        } catch (IamportRejectedException refused) {
            if (gateway.findPreparedAmount(merchantUid).filter(registered -> registered == amount).isEmpty()) {
                throw new AmountRegistrationException(merchantUid, refused.iamportMessage());
            }
        }
    }
}

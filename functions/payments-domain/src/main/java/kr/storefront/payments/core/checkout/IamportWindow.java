package kr.storefront.payments.core.checkout;

import jakarta.inject.Singleton;
import java.util.Optional;
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

    /**
     * How the window is told its PG: {@code channelKey} when the secret has a window channel key for it (the
     * JS SDK's current way; {@code pg} is deprecated), else {@code pg}: {@code "tosspayments"}, or
     * {@code "tosspayments.<MID>"} when the secret names a window MID.
     */
    RequestPayParams.Channel windowChannel(Pg pg) {
        IamportCredentials current = credentials.current();
        return current.channelKey(pg.code()).map(RequestPayParams.Channel::key)
                .orElseGet(() -> RequestPayParams.Channel.pg(current.pgMid(pg.code()).map(mid -> pg.code() + "." + mid)
                        .orElse(pg.code())));
    }

    /**
     * {@code pg} for API-mode calls (Toss API mode's {@code onetime}, and key issuance without a channel key):
     * {@code "tosspayments.<MID>"} with the API-mode MID (Toss API version 1.4), which differs from the window's
     * in practice, else the window's MID, else the bare code.
     */
    String apiModePg(Pg pg) {
        return credentials.current().apiMid(pg.code()).map(mid -> pg.code() + "." + mid).orElse(pg.code());
    }

    /** The API-mode channel key for issuing keys from card data, which the V1 schema lists as required. */
    Optional<String> apiChannelKey(Pg pg) {
        return credentials.current().apiChannelKey(pg.code());
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

package kr.storefront.payments.core.rebill;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.storefront.payments.core.config.IamportConfiguration;
import kr.storefront.payments.core.domain.ChargeAttempt;
import kr.storefront.payments.core.domain.ChargeAttemptState;
import kr.storefront.payments.core.iamport.ChargeOutcome;
import kr.storefront.payments.core.iamport.IamportException;
import kr.storefront.payments.core.iamport.IamportGateway;
import kr.storefront.payments.core.iamport.IamportPayment;
import kr.storefront.payments.core.iamport.PaymentStatus;
import kr.storefront.payments.core.rebill.RunTally.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out what became of an attempt whose outcome is not known (in flight in a crashed run, or
 * sent without a usable answer) by looking it up at i'mport under its merchant_uid, never by charging
 * again:
 * <ul>
 *   <li>a paid payment: paid (with the amount check);</li>
 *   <li>otherwise a failed (or since cancelled) one: declined;</li>
 *   <li>none at all, once {@code unknown-settle-time} has passed since the attempt began: nothing was
 *       charged, and the subscription is due again for its next attempt; earlier, or a payment still
 *       {@code ready}: left for a later run.</li>
 * </ul>
 * An attempt still IN_FLIGHT is only looked at once it is older than the charge read timeout plus
 * {@code in-flight-margin}: a younger one may belong to a run that is still waiting for i'mport.
 */
@Singleton
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final IamportGateway gateway;
    private final OutcomeRecorder recorder;
    private final Duration inFlightGrace;
    private final Duration settleTime;
    private final Clock clock;

    Reconciler(IamportGateway gateway, OutcomeRecorder recorder, RebillConfiguration configuration, IamportConfiguration iamport,
               Clock clock) {
        this.gateway = gateway;
        this.recorder = recorder;
        this.inFlightGrace = iamport.chargeReadTimeout().plus(configuration.inFlightMargin());
        this.settleTime = configuration.unknownSettleTime();
        this.clock = clock;
    }

    /** @param unresolved the attempt as the (eventually consistent) unresolved index returned it */
    Outcome reconcile(ChargeAttempt unresolved) {
        Instant now = clock.instant();
        if (!unresolved.state().needsReconciliation()) {
            return Outcome.SKIPPED;
        }
        if (unresolved.state() == ChargeAttemptState.IN_FLIGHT && unresolved.createdAt().plus(inFlightGrace).isAfter(now)) {
            return Outcome.UNRESOLVED;
        }
        Optional<ChargeOutcome> truth;
        try {
            truth = lookUp(unresolved, now);
        } catch (IamportException e) {
            LOG.warn("rebill attempt merchant_uid={} could not be looked up: {}", unresolved.merchantUid(), e.getMessage());
            return Outcome.UNRESOLVED;
        }
        if (truth.isEmpty()) {
            return Outcome.UNRESOLVED;
        }
        LOG.info("rebill attempt merchant_uid={} ({}) reconciled: {}", unresolved.merchantUid(), unresolved.state(),
                truth.get().getClass().getSimpleName());
        Outcome recorded = recorder.record(unresolved, truth.get());
        return recorded == Outcome.FORGED || recorded == Outcome.SKIPPED || recorded == Outcome.ERROR ? recorded : Outcome.RECONCILED;
    }

    private Optional<ChargeOutcome> lookUp(ChargeAttempt attempt, Instant now) {
        String merchantUid = attempt.merchantUid();
        Optional<IamportPayment> paid = gateway.findPaymentByMerchantUid(merchantUid, PaymentStatus.PAID);
        if (paid.isPresent()) {
            return Optional.of(new ChargeOutcome.Paid(paid.get()));
        }
        Optional<IamportPayment> latest = gateway.findPaymentByMerchantUid(merchantUid, null);
        if (latest.isPresent()) {
            IamportPayment payment = latest.get();
            if (payment.status() == PaymentStatus.FAILED) {
                return Optional.of(new ChargeOutcome.Declined(payment.failReason() == null ? "declined" : payment.failReason(), 0, payment));
            }
            if (payment.status() == PaymentStatus.CANCELLED) {
                return Optional.of(new ChargeOutcome.Declined("cancelled at i'mport before it was recorded", 0, payment));
            }
            LOG.warn("rebill attempt merchant_uid={} has a payment {} at i'mport; waiting for it to settle", merchantUid,
                    payment.status().code());
            return Optional.empty();
        }
        if (attempt.createdAt().plus(settleTime).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new ChargeOutcome.NotAttempted("no payment at i'mport " + settleTime.toMinutes()
                + " min after the attempt began"));
    }
}

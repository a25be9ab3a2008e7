package kr.storefront.payments.core.confirm;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import kr.storefront.payments.core.iamport.IamportException;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.store.ConcurrentUpdateException;
import kr.storefront.payments.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles i'mport's notification: checks the optional sender allowlist, confirms by re-fetching the
 * payment (V1 webhooks are unsigned, so the body's status is never used), records the delivery,
 * and says whether i'mport should try again. Duplicates are harmless: confirmation is idempotent.
 */
@Singleton
public class WebhookService {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);

    private final ConfirmService confirmations;
    private final WebhookLog log;
    private final WebhookConfiguration configuration;
    private final ConfirmMetrics metrics;
    private final Clock clock;

    WebhookService(ConfirmService confirmations, WebhookLog log, WebhookConfiguration configuration, ConfirmMetrics metrics,
                   Clock clock) {
        this.confirmations = confirmations;
        this.log = log;
        this.configuration = configuration;
        this.metrics = metrics;
        this.clock = clock;
    }

    public WebhookVerdict receive(WebhookNotification notification, @Nullable String sourceIp) {
        Instant receivedAt = clock.instant();
        WebhookVerdict verdict;
        String detail;
        if (!configuration.allowedSourceIps().isEmpty() && !configuration.allowedSourceIps().contains(sourceIp)) {
            verdict = WebhookVerdict.SOURCE_NOT_ALLOWED;
            detail = "sender not on the allowlist";
        } else {
            try {
                ConfirmOutcome outcome = confirmations.confirm(new ConfirmRequest(notification.impUid(), notification.merchantUid(),
                        ConfirmSource.WEBHOOK));
                verdict = verdictOf(outcome);
                detail = describe(outcome);
            } catch (IamportUnavailableException | StoreUnavailableException | ConcurrentUpdateException e) {
                verdict = WebhookVerdict.RETRY_LATER;
                detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (IamportException e) {
                verdict = WebhookVerdict.RETRY_LATER; // our credentials or i'mport's answer: an operator must look
                detail = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        LOG.info("webhook imp_uid={} merchant_uid={} claimed status={} from {}: {} ({})", notification.impUid(),
                notification.merchantUid(), notification.status(), sourceIp, verdict, detail);
        record(notification, sourceIp, receivedAt, verdict, detail);
        metrics.webhookAnswered(verdict);
        return verdict;
    }

    /** A body that could not be read is still recorded: forged or broken deliveries are worth seeing. */
    public void recordMalformed(@Nullable String sourceIp, String problem) {
        LOG.warn("webhook from {} refused: {}", sourceIp, problem);
        record(new WebhookNotification("-", null, null, null), sourceIp, clock.instant(), WebhookVerdict.REJECTED,
                "malformed: " + problem);
    }

    private void record(WebhookNotification notification, @Nullable String sourceIp, Instant receivedAt, WebhookVerdict verdict,
                        String detail) {
        try {
            log.record(new WebhookDelivery(notification.impUid(), notification.merchantUid(), notification.status(),
                    notification.cancellationId(), sourceIp, receivedAt, verdict, detail,
                    receivedAt.plus(configuration.recordRetention())));
        } catch (StoreUnavailableException e) {
            // the audit trail must not turn a handled payment into a retry storm
            LOG.warn("webhook record for imp_uid={} not stored: {}", notification.impUid(), e.getMessage());
        }
    }

    private static WebhookVerdict verdictOf(ConfirmOutcome outcome) {
        if (outcome instanceof ConfirmOutcome.Confirmed) {
            return WebhookVerdict.HANDLED;
        }
        if (outcome instanceof ConfirmOutcome.Rejected) {
            return WebhookVerdict.REJECTED;
        }
        return WebhookVerdict.UNKNOWN;
    }

    private static String describe(ConfirmOutcome outcome) {
        if (outcome instanceof ConfirmOutcome.Confirmed confirmed) {
            return (confirmed.changed() ? "now " : "no change, ") + confirmed.order().status();
        }
        if (outcome instanceof ConfirmOutcome.OrderNotFound notFound) {
            return "no order " + notFound.merchantUid();
        }
        if (outcome instanceof ConfirmOutcome.Rejected rejected) {
            return rejected.reason();
        }
        return ((ConfirmOutcome.PaymentNotFound) outcome).reason();
    }
}

package kr.storefront.payments.snapstart;

import io.micronaut.context.BeanProvider;
import io.micronaut.crac.OrderedResource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import kr.storefront.payments.core.catalog.CatalogStore;
import kr.storefront.payments.core.domain.Order;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.OrderLine;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;
import kr.storefront.payments.core.idempotency.IdempotencyStore;
import kr.storefront.payments.core.secrets.IamportSecretDocument;
import kr.storefront.payments.core.secrets.SecretSource;
import kr.storefront.payments.core.store.BillingKeyStore;
import kr.storefront.payments.core.store.ChargeAttemptStore;
import kr.storefront.payments.core.store.OrderStore;
import kr.storefront.payments.core.store.SubscriptionStore;
import kr.storefront.payments.iamport.client.IamportWarmUp;
import org.crac.Context;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * SnapStart priming shared by every function, run in {@code beforeCheckpoint}: the store's reads,
 * the writes of a request's success path (idempotency claim, order insert and update), a Secrets Manager read through the whole AWS SDK pipeline and its HTTP transport, the i'mport
 * client's JSON and HTTP transport, the secret document's parsing. Every request goes to a loopback
 * responder in this process (see {@link PrimingHttpClient}), closed before the snapshot. Nothing is
 * sent out, fetched or generated, so the snapshot holds warm code and no connection, token, secret or id.
 */
@Singleton
final class CorePriming implements OrderedResource {

    private static final Logger LOG = LoggerFactory.getLogger(CorePriming.class);
    private static final String ID = "priming";

    private final PrimingConfiguration configuration;
    private final BeanProvider<SdkHttpClient> sdkHttp;
    // resolved when priming runs, not when micronaut-crac registers this resource at startup
    private final BeanProvider<OrderStore> orders;
    private final BeanProvider<CatalogStore> catalog;
    private final BeanProvider<BillingKeyStore> billingKeys;
    private final BeanProvider<SubscriptionStore> subscriptions;
    private final BeanProvider<ChargeAttemptStore> attempts;
    private final BeanProvider<IdempotencyStore> idempotency;
    private final BeanProvider<IamportWarmUp> iamport;
    private final BeanProvider<SecretSource> secrets;
    private final JsonMapper json;

    CorePriming(PrimingConfiguration configuration, BeanProvider<SdkHttpClient> sdkHttp, BeanProvider<OrderStore> orders,
                BeanProvider<CatalogStore> catalog, BeanProvider<BillingKeyStore> billingKeys,
                BeanProvider<SubscriptionStore> subscriptions, BeanProvider<ChargeAttemptStore> attempts,
                BeanProvider<IdempotencyStore> idempotency,
                BeanProvider<IamportWarmUp> iamport, BeanProvider<SecretSource> secrets, JsonMapper json) {
        this.configuration = configuration;
        this.sdkHttp = sdkHttp;
        this.orders = orders;
        this.catalog = catalog;
        this.billingKeys = billingKeys;
        this.subscriptions = subscriptions;
        this.attempts = attempts;
        this.idempotency = idempotency;
        this.iamport = iamport;
        this.secrets = secrets;
        this.json = json;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        if (!configuration.enabled() || !(sdkHttp.get() instanceof PrimingHttpClient primingClient)) {
            LOG.info("priming skipped ({})", configuration.enabled() ? "the SDK HTTP client is not the priming one" : "disabled");
            return;
        }
        long started = System.nanoTime();
        Instant epoch = Instant.EPOCH;
        // fixed values, answered in-process like every priming request: nothing is written or made unique
        Order pending = Order.pending(ID, OrderKind.ONE_TIME, ID, ID, 1000, Pg.TOSSPAYMENTS, "card",
                List.of(new OrderLine(ID, ID, 1000, 1)), null, null, epoch);
        Order paid = pending.transitionTo(OrderStatus.PAID, "imp_" + ID, null, null, null, epoch);
        IdempotencyRecord claim = new IdempotencyRecord(ID, ID, ID, ID, epoch, epoch.plusSeconds(1));
        try (PrimingHttpClient.LoopbackSession loopback = primingClient.loopback()) {
            for (int i = 0; i < configuration.iterations(); i++) {
                Priming.attempt(() -> orders.get().find(ID));
                Priming.attempt(() -> idempotency.get().claim(claim));
                Priming.attempt(() -> orders.get().insert(pending));
                Priming.attempt(() -> orders.get().update(paid));
                Priming.attempt(() -> orders.get().findOpenCreatedBetween(epoch, epoch.plusSeconds(1), null, 1));
                Priming.attempt(() -> catalog.get().findProducts(List.of(ID, ID + "-2")));
                Priming.attempt(() -> catalog.get().findPlan(ID));
                Priming.attempt(() -> catalog.get().listProducts(null, 1));
                Priming.attempt(() -> billingKeys.get().listByCustomer(ID, null, 1));
                Priming.attempt(() -> billingKeys.get().find(ID, ID));
                Priming.attempt(() -> subscriptions.get().findDue(epoch, null, 1));
                Priming.attempt(() -> attempts.get().findUnresolved(null, 1));
                Priming.attempt(() -> iamport.get().warmUp());
                if (loopback.baseUrl() != null) {
                    Priming.attempt(() -> iamport.get().warmUpTransport(loopback.baseUrl()));
                }
                // Secrets Manager's pipeline, answered in-process: no value is fetched (the real read happens on first use)
                Priming.attempt(() -> secrets.get().secretString(ID));
                Priming.attempt(this::parseSecretShape);
            }
            if (loopback.baseUrl() != null) {
                Priming.attempt(() -> iamport.get().finishTransportWarmUp());
            }
            LOG.info("primed the store, the i'mport client and the secret parser in {} ms ({} requests to the loopback responder)",
                    (System.nanoTime() - started) / 1_000_000, loopback.requestsAnswered());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: priming left no connection, token or secret behind
    }

    @Override
    public int getOrder() {
        return 0;
    }

    private void parseSecretShape() {
        try {
            json.readValue("{\"imp_key\":\"k\",\"imp_secret\":\"s\",\"imp_code\":\"imp00000000\",\"pg_mids\":{\"tosspayments\":\"m\"}}",
                    IamportSecretDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

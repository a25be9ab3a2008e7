package kr.storefront.payments.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;
import kr.storefront.payments.core.config.PaymentsConfiguration;
import kr.storefront.payments.core.confirm.ConfirmServices;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.FieldProblem;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.idempotency.Idempotencies;
import kr.storefront.payments.core.idempotency.Idempotency;
import kr.storefront.payments.core.idempotency.IdempotencyRecord;
import kr.storefront.payments.core.idempotency.IdempotencyStore;
import kr.storefront.payments.core.testing.FakeIamportGateway;
import kr.storefront.payments.core.testing.IamportConfigurations;
import kr.storefront.payments.core.testing.InMemorySecretSource;
import kr.storefront.payments.core.testing.InMemoryStores;
import kr.storefront.payments.core.testing.MutableClock;
import kr.storefront.payments.core.testing.RecordingMetrics;
import kr.storefront.payments.core.testing.Secrets;
import kr.storefront.payments.core.testing.SequentialIdGenerator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The checkout services over the in-memory fakes, sharing one table, one i'mport and one clock, with a small catalog.
 * Settings (PGs, secret, configuration) are read each time a service is built, so a test changes them first.
 */
final class CheckoutFixture {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final String IMP_CODE = "imp12345678";
    static final URI API = URI.create("https://pay.example.com");

    static final String BEANS = "BEANS-1KG";
    static final long BEANS_PRICE = 18_000;
    static final String DRIPPER = "DRIPPER";
    static final long DRIPPER_PRICE = 25_000;
    static final String EBOOK = "EBOOK";
    static final String RETIRED = "RETIRED-MUG";
    static final String MONTHLY = "monthly-coffee";
    static final long MONTHLY_AMOUNT = 29_000;
    static final String WEEKLY = "weekly-tea";
    static final long WEEKLY_AMOUNT = 9_000;
    static final String RETIRED_PLAN = "retired-plan";

    final MutableClock clock = MutableClock.startingAt(NOW);
    final RecordingMetrics metrics = new RecordingMetrics();
    final InMemoryStores stores = new InMemoryStores(clock);
    final FakeIamportGateway gateway = new FakeIamportGateway(clock);
    final SequentialIdGenerator ids = new SequentialIdGenerator();

    List<String> enabledPgs = List.of("payco", "chai", "kakaopay", "tosspayments", "uplus");
    /** More members of the i'mport secret (MIDs, channel keys), or "". */
    String secretSettings = "";
    CheckoutConfiguration configuration = configuration(true, false, false);
    /** What idempotency claims go through: the fake, or a wrapper that interleaves a concurrent request. */
    private IdempotencyStore idempotencyStore = stores.idempotency();

    CheckoutFixture() {
        stores.catalog().save(new Product(BEANS, "Coffee beans 1kg", BEANS_PRICE, true, false, NOW));
        stores.catalog().save(new Product(DRIPPER, "Ceramic dripper", DRIPPER_PRICE, true, false, NOW));
        stores.catalog().save(new Product(EBOOK, "Brewing e-book", 9_000, true, true, NOW));
        stores.catalog().save(new Product(RETIRED, "Retired mug", 9_000, false, false, NOW));
        stores.catalog().save(new Plan(MONTHLY, "Monthly coffee", MONTHLY_AMOUNT, BillingInterval.months(1), true, true, NOW));
        stores.catalog().save(new Plan(WEEKLY, "Weekly tea", WEEKLY_AMOUNT, BillingInterval.days(7), true, true, NOW));
        stores.catalog().save(new Plan(RETIRED_PLAN, "Retired plan", 1_000, BillingInterval.months(1), false, true, NOW));
    }

    static CheckoutConfiguration configuration(boolean prepareAmounts, boolean sendNoticeUrl, boolean tossApiMode) {
        return new CheckoutConfiguration(prepareAmounts, null, "/payments/redirect", sendNoticeUrl, "/webhooks/iamport",
                tossApiMode, "결제수단 등록");
    }

    /** Toss API mode on, with the API-mode channel key {@code channel-key-toss-api} in the secret. */
    CheckoutFixture withTossApiMode() {
        configuration = configuration(true, false, true);
        secretSettings = "\"api_channel_keys\":{\"tosspayments\":\"channel-key-toss-api\"}";
        return this;
    }

    /** Runs {@code concurrentRequest} just before each idempotency claim: what another request did meanwhile. */
    void beforeIdempotencyClaim(Consumer<IdempotencyRecord> concurrentRequest) {
        idempotencyStore = record -> {
            concurrentRequest.accept(record);
            return stores.idempotency().claim(record);
        };
    }

    /** {@code request} is refused as invalid, naming exactly {@code fields}. */
    static void assertRefusedOn(ThrowingCallable request, String... fields) {
        assertThatThrownBy(request).isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.problems())
                .extracting(FieldProblem::field).containsExactly(fields));
    }

    OrderCheckout orderCheckout() {
        return new OrderCheckout(pgs(), pricing(), stores.orders(), window(), idempotency(), ids, configuration, metrics, clock);
    }

    BillingKeys billingKeys() {
        return new BillingKeys(pgs(), pricing(), stores.billingKeys(), stores.orders(), stores.subscriptions(), gateway, window(),
                idempotency(), ids, configuration, metrics, clock);
    }

    CardPayments cardPayments() {
        return new CardPayments(billingKeys(), pricing(), stores.orders(), gateway, window(),
                ConfirmServices.over(gateway, stores.orders(), stores.billingKeys(), IamportConfigurations.defaults(), clock),
                idempotency(), ids, clock);
    }

    Subscriptions subscriptions() {
        return new Subscriptions(pricing(), stores.billingKeys(), stores.subscriptions(), stores.orders(), stores.ledger(),
                idempotency(), ids, clock);
    }

    /** The merchant_uid the next request will mint, if it mints one first. */
    String nextMerchantUid() {
        return ids.peek("ord_", 24);
    }

    String nextCustomerUid() {
        return ids.peek("cuid_", 24);
    }

    private EnabledPgs pgs() {
        return new EnabledPgs(new PaymentsConfiguration(enabledPgs));
    }

    private OrderPricing pricing() {
        return new OrderPricing(stores.catalog());
    }

    private IamportWindow window() {
        return new IamportWindow(gateway, InMemorySecretSource.credentialsProvider(
                Secrets.iamportSecret("imp-key", "imp-secret", IMP_CODE, secretSettings), clock), configuration);
    }

    private Idempotency idempotency() {
        return Idempotencies.over(idempotencyStore, clock);
    }
}

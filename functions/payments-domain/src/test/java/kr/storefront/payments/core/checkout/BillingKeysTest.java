package kr.storefront.payments.core.checkout;

import static kr.storefront.payments.core.checkout.CheckoutFixture.API;
import static kr.storefront.payments.core.checkout.CheckoutFixture.IMP_CODE;
import static kr.storefront.payments.core.checkout.CheckoutFixture.MONTHLY;
import static kr.storefront.payments.core.checkout.CheckoutFixture.MONTHLY_AMOUNT;
import static kr.storefront.payments.core.checkout.CheckoutFixture.NOW;
import static kr.storefront.payments.core.checkout.CheckoutFixture.RETIRED_PLAN;
import static kr.storefront.payments.core.checkout.CheckoutFixture.assertRefusedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kr.storefront.payments.core.domain.BillingInterval;
import kr.storefront.payments.core.domain.BillingKey;
import kr.storefront.payments.core.domain.BillingKeyStatus;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.OrderKind;
import kr.storefront.payments.core.domain.Pg;
import kr.storefront.payments.core.domain.ResourceNotFoundException;
import kr.storefront.payments.core.domain.Subscription;
import kr.storefront.payments.core.domain.SubscriptionStatus;
import kr.storefront.payments.core.iamport.BillingKeyIssue;
import kr.storefront.payments.core.iamport.CardDetails;
import kr.storefront.payments.core.iamport.IamportUnavailableException;
import kr.storefront.payments.core.idempotency.IdempotencyKeyReusedException;
import kr.storefront.payments.core.testing.FakeIamportGateway.Answer;
import kr.storefront.payments.core.testing.FakeIamportGateway.Operation;
import kr.storefront.payments.core.testing.IamportPaymentBuilder;
import org.junit.jupiter.api.Test;

/**
 * Billing keys: the billing-key window per PG (what it charges, shows and sends), Toss API-mode issuance from card data,
 * and deletion.
 */
class BillingKeysTest {

    private static final String CUSTOMER = "customer-1";
    private static final CardDetails CARD = new CardDetails("5365-1000-2000-3000", "2030-12", "900101", "12");
    private static final Buyer TEL = new Buyer(null, "010-1234-5678", null, null, null);

    private final CheckoutFixture fixture = new CheckoutFixture();

    // ---- the billing-key window

    @Test
    void kakaopay_byDefault_showsAndChargesNothing_andRegistersNothing() {
        CheckoutParams window = fixture.billingKeys().openWindow(window("kakaopay", MONTHLY, false));

        assertThat(window.impCode()).isEqualTo(IMP_CODE);
        assertThat(window.amount()).isZero();
        assertThat(window.params()).containsExactly(Map.entry("pg", "kakaopay"), Map.entry("merchant_uid", window.merchantUid()),
                Map.entry("name", "Monthly coffee"), Map.entry("amount", 0L), Map.entry("currency", "KRW"),
                Map.entry("customer_uid", window.customerUid()));
        assertThat(fixture.gateway.calls()).isEmpty();
        assertThat(fixture.stores.orders().all()).singleElement().satisfies(order -> {
            assertThat(order.kind()).isEqualTo(OrderKind.BILLING_KEY_ISSUE);
            assertThat(order.amount()).isZero();
            assertThat(order.planId()).as("only a window that charges a first period remembers its plan").isNull();
            assertThat(order.customerUid()).isEqualTo(window.customerUid());
            assertThat(order.customerId()).isEqualTo(CUSTOMER);
        });
        assertThat(fixture.stores.billingKeys().all()).singleElement().satisfies(key -> {
            assertThat(key.customerUid()).isEqualTo(window.customerUid()).startsWith("cuid_");
            assertThat(key.customerId()).isEqualTo(CUSTOMER);
            assertThat(key.status()).isEqualTo(BillingKeyStatus.PENDING);
            assertThat(key.pg()).isEqualTo(Pg.KAKAOPAY);
            assertThat(key.windowMerchantUid()).isEqualTo(window.merchantUid());
        });
    }

    @Test
    void kakaopay_chargingTheFirstPeriod_showsAndChargesThePlanAmount_registersIt_andRemembersThePlan() {
        CheckoutParams window = fixture.billingKeys().openWindow(window("kakaopay", MONTHLY, true));

        assertThat(window.amount()).isEqualTo(MONTHLY_AMOUNT);
        assertThat(window.params()).containsEntry("amount", MONTHLY_AMOUNT);
        assertThat(fixture.gateway.preparedAmount(window.merchantUid())).contains(MONTHLY_AMOUNT);
        assertThat(fixture.stores.orders().all()).singleElement().satisfies(order -> {
            assertThat(order.amount()).isEqualTo(MONTHLY_AMOUNT);
            assertThat(order.planId()).isEqualTo(MONTHLY);
        });
    }

    @Test
    void kakaopay_chargingTheFirstPeriod_withoutAPlan_isRefused() {
        assertRefusedOn(() -> fixture.billingKeys().openWindow(window("kakaopay", null, true)), "plan_id");
        assertNothingStored();
    }

    @Test
    void aRefusedRegistration_ofTheChargedFirstPeriod_isAnAmountRegistrationException() {
        fixture.gateway.seedPrepared(fixture.nextMerchantUid(), 1);

        assertThatThrownBy(() -> fixture.billingKeys().openWindow(window("kakaopay", MONTHLY, true)))
                .isInstanceOf(AmountRegistrationException.class);
    }

    @Test
    void tosspayments_isCardOnly_showsThePlanAmount_chargesNothing_andSendsOurStableCustomerId() {
        CheckoutParams window = fixture.billingKeys().openWindow(window("tosspayments", MONTHLY, false));

        assertThat(window.amount()).isZero();
        assertThat(window.params()).containsEntry("pay_method", "card").containsEntry("amount", MONTHLY_AMOUNT)
                .containsEntry("customer_id", TossCustomerKey.of(CUSTOMER));
        assertThat((String) window.params().get("customer_id")).doesNotContain(CUSTOMER);
        assertThat(fixture.gateway.calls(Operation.PREPARE)).isEmpty();
        assertThat(fixture.stores.orders().all()).singleElement().satisfies(order -> {
            assertThat(order.amount()).isZero();
            assertThat(order.planId()).isNull();
        });
    }

    @Test
    void aWindowWithoutAPlan_isNamedAsConfigured_andShowsZero() {
        CheckoutParams window = fixture.billingKeys().openWindow(window("tosspayments", null, false));

        assertThat(window.params()).containsEntry("name", "결제수단 등록").containsEntry("amount", 0L);
    }

    @Test
    void payco_showsThePlanAmount_chargesNothing_needsBuyerTel_andGetsNoCustomerId() {
        CheckoutParams window = fixture.billingKeys().openWindow(new BillingWindowRequest(CUSTOMER, null, "payco", null, MONTHLY,
                false, TEL, Device.MOBILE, API));

        assertThat(window.amount()).isZero();
        assertThat(window.params()).containsEntry("pay_method", "card").containsEntry("amount", MONTHLY_AMOUNT)
                .containsEntry("buyer_tel", "010-1234-5678").containsEntry("m_redirect_url", API + "/payments/redirect")
                .doesNotContainKey("customer_id");
        assertThatThrownBy(() -> fixture.billingKeys().openWindow(window("payco", MONTHLY, false)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("buyer.tel: payco requires buyer_tel");
    }

    @Test
    void aWindowThatNeverCharges_refusesToChargeTheFirstPeriod() {
        assertRefusedOn(() -> fixture.billingKeys().openWindow(window("tosspayments", MONTHLY, true)), "charge_first_period");
        assertNothingStored();
    }

    @Test
    void uplus_offersNoBillingKeyWindow() {
        assertThatThrownBy(() -> fixture.billingKeys().openWindow(window("uplus", null, false)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("uplus offers no billing-key window");
        assertNothingStored();
    }

    @Test
    void aRetiredPlan_isRefused() {
        assertThatThrownBy(() -> fixture.billingKeys().openWindow(window("tosspayments", RETIRED_PLAN, false)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("plan_id: no active plan with this id");
        assertNothingStored();
    }

    @Test
    void aRetryWithTheSameKey_keepsTheSameOrderAndCustomerUid_andOneKey() {
        BillingWindowRequest request = new BillingWindowRequest(CUSTOMER, "k1", "kakaopay", null, MONTHLY, true, Buyer.none(),
                Device.PC, API);

        CheckoutParams first = fixture.billingKeys().openWindow(request);
        CheckoutParams second = fixture.billingKeys().openWindow(request);

        assertThat(second).isEqualTo(first);
        assertThat(fixture.stores.orders().all()).hasSize(1);
        assertThat(fixture.stores.billingKeys().all()).singleElement().extracting(BillingKey::version).isEqualTo(1L);
        assertThat(fixture.gateway.preparedAmount(first.merchantUid())).contains(MONTHLY_AMOUNT);
    }

    @Test
    void theSameKeyWithAnotherBody_isRefused() {
        fixture.billingKeys().openWindow(new BillingWindowRequest(CUSTOMER, "k1", "tosspayments", null, null, false, Buyer.none(),
                Device.PC, API));

        assertThatThrownBy(() -> fixture.billingKeys().openWindow(new BillingWindowRequest(CUSTOMER, "k1", "tosspayments", null,
                MONTHLY, false, Buyer.none(), Device.PC, API))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(fixture.stores.billingKeys().all()).hasSize(1);
    }

    // ---- Toss API mode: keys from card data

    @Test
    void cardData_isRefused_whileApiModeIsOff() {
        fixture.secretSettings = "\"api_channel_keys\":{\"tosspayments\":\"channel-key-toss-api\"}";

        assertThatThrownBy(() -> fixture.billingKeys().issueWithCard(CUSTOMER, "tosspayments", CARD))
                .isInstanceOf(FeatureDisabledException.class).hasMessageContaining("disabled in this deployment");
        assertNothingStored();
    }

    @Test
    void cardData_isRefused_withoutAnApiModeChannelInTheSecret_beforeAnythingIsStoredOrSent() {
        fixture.withTossApiMode().secretSettings = "\"api_mids\":{\"tosspayments\":\"tossapi14\"}";

        assertThatThrownBy(() -> fixture.billingKeys().issueWithCard(CUSTOMER, "tosspayments", CARD))
                .isInstanceOf(FeatureDisabledException.class).hasMessageContaining("api_channel_keys");
        assertNothingStored();
    }

    @Test
    void cardData_forAnyOtherPg_isRefusedClearly() {
        fixture.withTossApiMode();

        for (String pg : List.of("payco", "kakaopay", "chai", "uplus")) {
            assertThatThrownBy(() -> fixture.billingKeys().issueWithCard(CUSTOMER, pg, CARD)).as(pg)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("card data is only accepted for tosspayments");
        }
        assertNothingStored();
    }

    @Test
    void cardData_issuesAnActiveKey_onTheApiModeChannel_withOurStableCustomerId() {
        fixture.withTossApiMode().enabledPgs = List.of("tosspayments"); // the default PG, so pg may be omitted

        BillingKey key = fixture.billingKeys().issueWithCard(CUSTOMER, null, CARD);

        assertThat(key.status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(key.pg()).isEqualTo(Pg.TOSSPAYMENTS);
        assertThat(key.windowMerchantUid()).isNull();
        assertThat(key.card()).isEqualTo(fixture.gateway.billingKey(key.customerUid()).orElseThrow().card());
        assertThat(fixture.stores.billingKeys().all()).containsExactly(key);
        assertThat(fixture.gateway.requests(BillingKeyIssue.class)).singleElement().satisfies(issue -> {
            assertThat(issue.customerUid()).isEqualTo(key.customerUid());
            assertThat(issue.channelKey()).isEqualTo("channel-key-toss-api");
            assertThat(issue.customerId()).isEqualTo(TossCustomerKey.of(CUSTOMER));
            assertThat(issue.card()).isEqualTo(CARD);
        });
    }

    @Test
    void aCardRefusedByTheCardCompany_isCardRejected_andTheKeyFailed() {
        fixture.withTossApiMode().gateway.next(Operation.ISSUE_BILLING_KEY, Answer.refuse(-1, "카드정보 인증에 실패하였습니다."));

        assertThatThrownBy(() -> fixture.billingKeys().issueWithCard(CUSTOMER, "tosspayments", CARD))
                .isInstanceOf(CardRejectedException.class).hasMessageContaining("카드정보 인증에 실패");
        assertThat(fixture.stores.billingKeys().all()).singleElement().extracting(BillingKey::status).isEqualTo(BillingKeyStatus.FAILED);
    }

    @Test
    void aLostAnswer_isLookedUp_andAKeyIssuedMeanwhileIsActive() {
        fixture.withTossApiMode().gateway.next(Operation.ISSUE_BILLING_KEY, Answer.lostAfterApplying());

        BillingKey key = fixture.billingKeys().issueWithCard(CUSTOMER, "tosspayments", CARD);

        assertThat(key.status()).isEqualTo(BillingKeyStatus.ACTIVE);
        assertThat(key.card()).isNotNull();
        assertThat(fixture.gateway.calls(Operation.FIND_BILLING_KEY)).singleElement()
                .satisfies(call -> assertThat(call.arguments()).containsExactly(key.customerUid()));
    }

    @Test
    void aKeyNeverIssued_lostAnswerOrUnreachable_isLookedUp_thenFailed_andIamportSaidUnavailable() {
        fixture.withTossApiMode().gateway.next(Operation.ISSUE_BILLING_KEY, Answer.lostBeforeApplying(), Answer.unreachable());

        for (String customer : List.of("customer-lost-answer", "customer-unreachable")) {
            assertThatThrownBy(() -> fixture.billingKeys().issueWithCard(customer, "tosspayments", CARD)).as(customer)
                    .isInstanceOf(IamportUnavailableException.class);
            assertThat(fixture.stores.billingKeys().listByCustomer(customer, null, 10).items()).as(customer).singleElement()
                    .extracting(BillingKey::status).isEqualTo(BillingKeyStatus.FAILED);
        }
        assertThat(fixture.gateway.calls(Operation.FIND_BILLING_KEY)).hasSize(2);
    }

    @Test
    void aLostAnswerWhoseLookUpIsUnansweredToo_leavesTheKeyPending() {
        // nothing is known either way, so the key is neither given up nor used
        fixture.withTossApiMode().gateway.next(Operation.ISSUE_BILLING_KEY, Answer.lostAfterApplying())
                .next(Operation.FIND_BILLING_KEY, Answer.unreachable());

        assertThatThrownBy(() -> fixture.billingKeys().issueWithCard(CUSTOMER, "tosspayments", CARD))
                .isInstanceOf(IamportUnavailableException.class);
        assertThat(fixture.stores.billingKeys().all()).singleElement().extracting(BillingKey::status)
                .isEqualTo(BillingKeyStatus.PENDING);
    }

    // ---- deletion

    @Test
    void deletingAnUnknownKey_orAnotherCustomersKey_isNotFound() {
        BillingKey alices = activeKey("alice", "cuid_alice");

        assertThatThrownBy(() -> fixture.billingKeys().delete("alice", "cuid_nope", false))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fixture.billingKeys().delete("bob", alices.customerUid(), true))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(fixture.gateway.calls()).isEmpty();
        assertThat(fixture.stores.billingKeys().all()).containsExactly(alices);
    }

    @Test
    void deletingAnUnusedKey_deletesItAtIamport_andMarksItDeleted() {
        activeKey(CUSTOMER, "cuid_1");

        BillingKey deleted = fixture.billingKeys().delete(CUSTOMER, "cuid_1", false);

        assertThat(deleted.status()).isEqualTo(BillingKeyStatus.DELETED);
        assertThat(deleted.card()).as("the masked card stays on record").isEqualTo(IamportPaymentBuilder.DEFAULT_CARD);
        assertThat(fixture.gateway.billingKey("cuid_1")).isEmpty();
        assertThat(fixture.stores.billingKeys().find(CUSTOMER, "cuid_1")).contains(deleted);
    }

    @Test
    void deletingAKeyAlreadyDeleted_returnsIt_withoutAskingIamport() {
        BillingKey deleted = fixture.stores.billingKeys().seed(activeKey(CUSTOMER, "cuid_1")
                .transitionTo(BillingKeyStatus.DELETED, null, NOW));

        assertThat(fixture.billingKeys().delete(CUSTOMER, "cuid_1", false)).isEqualTo(deleted);
        assertThat(fixture.gateway.calls()).isEmpty();
        assertThat(fixture.stores.billingKeys().writes()).isEmpty();
    }

    @Test
    void aPendingKey_canBeDeleted() {
        fixture.stores.billingKeys().seed(BillingKey.pending(CUSTOMER, "cuid_1", Pg.TOSSPAYMENTS, NOW));

        assertThat(fixture.billingKeys().delete(CUSTOMER, "cuid_1", false).status()).isEqualTo(BillingKeyStatus.DELETED);
        assertThat(fixture.gateway.calls(Operation.DELETE_BILLING_KEY)).hasSize(1);
    }

    @Test
    void aKeyUsedByActiveOrPastDueSubscriptions_isInUse_andKeptEverywhere() {
        BillingKey key = activeKey(CUSTOMER, "cuid_1");
        fixture.stores.subscriptions().seed(subscription("sub_active", "cuid_1"));
        fixture.stores.subscriptions().seed(withStatus(subscription("sub_past_due", "cuid_1"), SubscriptionStatus.PAST_DUE));
        fixture.stores.subscriptions().seed(subscription("sub_cancelled", "cuid_1").cancelNow(NOW));
        fixture.stores.subscriptions().seed(subscription("sub_other_key", "cuid_2"));

        assertThatThrownBy(() -> fixture.billingKeys().delete(CUSTOMER, "cuid_1", false))
                .isInstanceOfSatisfying(BillingKeyInUseException.class, inUse -> assertThat(inUse.subscriptionIds())
                        .containsExactlyInAnyOrder("sub_active", "sub_past_due"));
        assertThat(fixture.gateway.billingKey("cuid_1")).isPresent();
        assertThat(fixture.gateway.calls(Operation.DELETE_BILLING_KEY)).isEmpty();
        assertThat(fixture.stores.billingKeys().all()).containsExactly(key);
        assertThat(fixture.stores.subscriptions().writes()).isEmpty();
    }

    @Test
    void cancelSubscriptions_endsThemNow_thenDeletesTheKey() {
        activeKey(CUSTOMER, "cuid_1");
        fixture.stores.subscriptions().seed(subscription("sub_active", "cuid_1"));
        fixture.stores.subscriptions().seed(subscription("sub_other_key", "cuid_2"));

        BillingKey deleted = fixture.billingKeys().delete(CUSTOMER, "cuid_1", true);

        assertThat(deleted.status()).isEqualTo(BillingKeyStatus.DELETED);
        assertThat(fixture.stores.subscriptions().find(CUSTOMER, "sub_active")).get().satisfies(ended -> {
            assertThat(ended.status()).isEqualTo(SubscriptionStatus.CANCELLED);
            assertThat(ended.nextChargeAt()).isNull();
        });
        assertThat(fixture.stores.subscriptions().find(CUSTOMER, "sub_other_key")).get()
                .extracting(Subscription::status).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void cancelSubscriptions_endsThemBeforeIamportIsAsked_soNoRunChargesAKeyBeingDeleted() {
        BillingKey key = activeKey(CUSTOMER, "cuid_1");
        fixture.stores.subscriptions().seed(subscription("sub_active", "cuid_1"));
        fixture.gateway.next(Operation.DELETE_BILLING_KEY, Answer.unreachable());

        assertThatThrownBy(() -> fixture.billingKeys().delete(CUSTOMER, "cuid_1", true)).isInstanceOf(IamportUnavailableException.class);

        assertThat(fixture.stores.subscriptions().find(CUSTOMER, "sub_active")).get()
                .extracting(Subscription::status).isEqualTo(SubscriptionStatus.CANCELLED);
        assertThat(fixture.stores.billingKeys().all()).as("not deleted until i'mport has deleted it").containsExactly(key);
    }

    @Test
    void theSubscriptionsUsingAKey_areFoundOnEveryPageOfTheCustomers() {
        activeKey(CUSTOMER, "cuid_1");
        for (int i = 0; i < 150; i++) {
            fixture.stores.subscriptions().seed(subscription(String.format("sub_a%03d", i), "cuid_2"));
        }
        // sorts after the 150 others, so only the second page of 100 holds it
        fixture.stores.subscriptions().seed(subscription("sub_z_last", "cuid_1"));

        assertThatThrownBy(() -> fixture.billingKeys().delete(CUSTOMER, "cuid_1", false))
                .isInstanceOfSatisfying(BillingKeyInUseException.class, inUse -> assertThat(inUse.subscriptionIds())
                        .containsExactly("sub_z_last"));
    }

    @Test
    void list_isTheCustomersKeysOnly() {
        activeKey("alice", "cuid_a1");
        activeKey("alice", "cuid_a2");
        activeKey("bob", "cuid_b1");

        assertThat(fixture.billingKeys().list("alice", null, 10).items()).extracting(BillingKey::customerUid)
                .containsExactly("cuid_a1", "cuid_a2");
        assertThat(fixture.billingKeys().list("carol", null, 10).items()).isEmpty();
    }

    private static BillingWindowRequest window(String pg, String planId, boolean chargeFirstPeriod) {
        return new BillingWindowRequest(CUSTOMER, null, pg, null, planId, chargeFirstPeriod, Buyer.none(), Device.PC, API);
    }

    /** An active key, in our table and at i'mport. */
    private BillingKey activeKey(String customerId, String customerUid) {
        fixture.gateway.seedBillingKey(customerUid);
        return fixture.stores.billingKeys().seed(BillingKey.pending(customerId, customerUid, Pg.TOSSPAYMENTS, NOW)
                .transitionTo(BillingKeyStatus.ACTIVE, IamportPaymentBuilder.DEFAULT_CARD, NOW));
    }

    private static Subscription subscription(String id, String customerUid) {
        return Subscription.start(id, CUSTOMER, customerUid, MONTHLY, "Monthly coffee", MONTHLY_AMOUNT, BillingInterval.months(1),
                NOW, NOW);
    }

    private static Subscription withStatus(Subscription s, SubscriptionStatus status) {
        return new Subscription(s.id(), s.customerId(), s.customerUid(), s.planId(), s.name(), s.amount(), s.currency(), s.interval(),
                s.anchorAt(), s.period(), s.nextChargeAt(), status, 1, false, s.createdAt(), s.updatedAt(), s.version());
    }

    private void assertNothingStored() {
        assertThat(fixture.stores.orders().writes()).isEmpty();
        assertThat(fixture.stores.billingKeys().writes()).isEmpty();
        assertThat(fixture.gateway.calls()).isEmpty();
    }
}

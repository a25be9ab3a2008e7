package kr.storefront.payments.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import kr.storefront.payments.core.checkout.CardOptions.CardCompany;
import kr.storefront.payments.core.checkout.CardOptions.DirectCard;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.Pg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every PG × mode × rule of reference §7-8, accepted and rejected, with the message a storefront developer reads. */
class PgRulesTest {

    private static final Buyer NO_TEL = new Buyer("홍길동", null, "buyer@example.com", null, null);
    private static final Buyer WITH_TEL = new Buyer("홍길동", "010-1234-5678", "buyer@example.com", null, null);
    private static final CardOptions INSTALLMENTS = new CardOptions(List.of(0, 2, 3), null, List.of());
    private static final CardOptions DIRECT_366_3M = new CardOptions(null, new DirectCard("366", 3), List.of());
    private static final CardOptions DIRECT_LUMP = new CardOptions(null, new DirectCard("366", null), List.of());
    /** The guides' "lump sum only": {@code display.card_quota: []}. */
    private static final CardOptions LUMP_SUM_ONLY = new CardOptions(List.of(), null, List.of());
    /** The guides' "disable all, enable one": {@code card.detail: [{"*", false}, {"366", true}]}. */
    private static final CardOptions ONLY_SHINHAN = new CardOptions(null, null,
            List.of(new CardCompany("*", false), new CardCompany("366", true)));
    private static final CardOptions FILTER = new CardOptions(null, null, List.of(new CardCompany("361", false)));

    /** A one-time order; expected is the pay_method sent when accepted. */
    record OrderCase(String rule, Pg pg, String payMethod, Buyer buyer, CardOptions card, boolean escrow, long amount,
                     String expectedPayMethod, String expectedField, String expectedMessage) {
        @Override
        public String toString() {
            return pg.code() + " / order / " + rule;
        }
    }

    static OrderCase accepted(String rule, Pg pg, String payMethod, Buyer buyer, CardOptions card, boolean escrow, long amount,
                              String sent) {
        return new OrderCase(rule, pg, payMethod, buyer, card, escrow, amount, sent, null, null);
    }

    static OrderCase rejected(String rule, Pg pg, String payMethod, Buyer buyer, CardOptions card, boolean escrow, long amount,
                              String field, String message) {
        return new OrderCase(rule, pg, payMethod, buyer, card, escrow, amount, null, field, message);
    }

    static Stream<OrderCase> orderCases() {
        return Stream.of(
                // payco: card / trans / vbank, buyer_tel required, no escrow, no card options
                accepted("pay_method defaults to card", Pg.PAYCO, null, WITH_TEL, null, false, 10_000, "card"),
                accepted("vbank accepted", Pg.PAYCO, "vbank", WITH_TEL, null, false, 10_000, "vbank"),
                rejected("phone refused", Pg.PAYCO, "phone", WITH_TEL, null, false, 10_000, "pay_method",
                        "payco accepts pay_method card, trans, vbank"),
                rejected("buyer_tel required", Pg.PAYCO, "card", NO_TEL, null, false, 10_000, "buyer.tel", "payco requires buyer_tel"),
                rejected("no escrow", Pg.PAYCO, "card", WITH_TEL, null, true, 10_000, "escrow",
                        "payco does not support escrow (tosspayments and uplus do)"),
                rejected("no card options", Pg.PAYCO, "card", WITH_TEL, INSTALLMENTS, false, 60_000, "card",
                        "card options (card_quota, card.direct, card.detail) are only accepted for tosspayments and uplus"),
                // chai: trans only
                accepted("pay_method defaults to trans", Pg.CHAI, null, NO_TEL, null, false, 5_000, "trans"),
                rejected("card refused", Pg.CHAI, "card", NO_TEL, null, false, 5_000, "pay_method", "chai accepts pay_method trans"),
                // kakaopay: pay_method ignored, no card options
                accepted("pay_method omitted", Pg.KAKAOPAY, null, NO_TEL, null, false, 5_000, null),
                accepted("any pay_method ignored", Pg.KAKAOPAY, "vbank", NO_TEL, null, false, 5_000, null),
                rejected("no card options", Pg.KAKAOPAY, null, NO_TEL, DIRECT_LUMP, false, 5_000, "card",
                        "card options (card_quota, card.direct, card.detail) are only accepted for tosspayments and uplus"),
                // tosspayments: card/trans/vbank/phone, escrow, card options, installments from 50,000 won
                accepted("phone accepted", Pg.TOSSPAYMENTS, "phone", NO_TEL, null, false, 5_000, "phone"),
                rejected("naverpay refused", Pg.TOSSPAYMENTS, "naverpay", NO_TEL, null, false, 5_000, "pay_method",
                        "tosspayments accepts pay_method card, trans, vbank, phone"),
                accepted("escrow accepted", Pg.TOSSPAYMENTS, "vbank", NO_TEL, null, true, 5_000, "vbank"),
                accepted("installments at 50,000", Pg.TOSSPAYMENTS, "card", NO_TEL, INSTALLMENTS, false, 50_000, "card"),
                rejected("installments below 50,000", Pg.TOSSPAYMENTS, "card", NO_TEL, INSTALLMENTS, false, 49_999, "card",
                        "installments need an amount of at least 50000 won"),
                rejected("card.direct quota below 50,000", Pg.TOSSPAYMENTS, "card", NO_TEL, DIRECT_366_3M, false, 10_000, "card",
                        "installments need an amount of at least 50000 won"),
                accepted("card.direct lump sum at any amount", Pg.TOSSPAYMENTS, "card", NO_TEL, DIRECT_LUMP, false, 1_000, "card"),
                accepted("card.detail filter", Pg.TOSSPAYMENTS, "card", NO_TEL, FILTER, false, 1_000, "card"),
                accepted("card.detail \"*\" disables all, then one enabled", Pg.TOSSPAYMENTS, "card", NO_TEL, ONLY_SHINHAN,
                        false, 1_000, "card"),
                accepted("card_quota [] = lump sum only, at any amount", Pg.TOSSPAYMENTS, "card", NO_TEL, LUMP_SUM_ONLY, false,
                        1_000, "card"),
                rejected("\"*\" is no card.direct code", Pg.TOSSPAYMENTS, "card", NO_TEL,
                        new CardOptions(null, new DirectCard("*", null), List.of()), false, 1_000, "card.direct.code",
                        "card company codes are 3-digit strings such as \"366\""),
                rejected("card company code not 3 digits", Pg.TOSSPAYMENTS, "card", NO_TEL,
                        new CardOptions(null, new DirectCard("36", null), List.of()), false, 1_000, "card.direct.code",
                        "card company codes are 3-digit strings such as \"366\""),
                rejected("card.detail code not 3 digits", Pg.TOSSPAYMENTS, "card", NO_TEL,
                        new CardOptions(null, null, List.of(new CardCompany("BC", true))), false, 1_000,
                        "card.detail[0].card_code", "card company codes are 3-digit strings such as \"366\", or \"*\" for all"),
                rejected("1 month is not an installment", Pg.TOSSPAYMENTS, "card", NO_TEL,
                        new CardOptions(List.of(1), null, List.of()), false, 60_000, "card.card_quota[0]",
                        "installment months must be 0 (lump sum) or 2-36, each once"),
                rejected("card options without pay_method card", Pg.TOSSPAYMENTS, "trans", NO_TEL, DIRECT_LUMP, false, 1_000,
                        "card", "card options need pay_method card"),
                // uplus: like tosspayments for orders
                accepted("escrow accepted", Pg.UPLUS, "trans", NO_TEL, null, true, 5_000, "trans"),
                accepted("installments at 60,000", Pg.UPLUS, "card", NO_TEL, INSTALLMENTS, false, 60_000, "card"),
                rejected("installments below 50,000", Pg.UPLUS, "card", NO_TEL, INSTALLMENTS, false, 10_000, "card",
                        "installments need an amount of at least 50000 won"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orderCases")
    void checkOrder(OrderCase c) {
        PgProfile profile = PgProfile.of(c.pg());
        if (c.expectedField() == null) {
            assertThat(PgRules.checkOrder(profile, c.payMethod(), c.buyer(), c.card(), c.escrow(), c.amount()))
                    .isEqualTo(c.expectedPayMethod());
        } else {
            assertThatThrownBy(() -> PgRules.checkOrder(profile, c.payMethod(), c.buyer(), c.card(), c.escrow(), c.amount()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                            .anySatisfy(problem -> {
                                assertThat(problem.field()).isEqualTo(c.expectedField());
                                assertThat(problem.message()).isEqualTo(c.expectedMessage());
                            }));
        }
    }

    /** A billing-key window. */
    record WindowCase(String rule, Pg pg, String payMethod, Buyer buyer, boolean chargeFirstPeriod, boolean hasPlan,
                      String expectedPayMethod, String expectedField, String expectedMessage) {
        @Override
        public String toString() {
            return pg.code() + " / billing window / " + rule;
        }
    }

    static Stream<WindowCase> windowCases() {
        return Stream.of(
                new WindowCase("card window", Pg.PAYCO, null, WITH_TEL, false, true, "card", null, null),
                new WindowCase("buyer_tel required", Pg.PAYCO, null, NO_TEL, false, false, null, "buyer.tel",
                        "payco requires buyer_tel"),
                new WindowCase("never charges", Pg.PAYCO, null, WITH_TEL, true, true, null, "charge_first_period",
                        "payco's billing-key window never charges; charge the first period through the subscription instead"),
                new WindowCase("trans window", Pg.CHAI, null, NO_TEL, false, false, "trans", null, null),
                new WindowCase("key only by default", Pg.KAKAOPAY, null, NO_TEL, false, true, null, null, null),
                new WindowCase("explicit first charge", Pg.KAKAOPAY, null, NO_TEL, true, true, null, null, null),
                new WindowCase("first charge needs a plan", Pg.KAKAOPAY, null, NO_TEL, true, false, null, "plan_id",
                        "charge_first_period needs the plan whose first period is charged"),
                new WindowCase("card only", Pg.TOSSPAYMENTS, null, NO_TEL, false, false, "card", null, null),
                new WindowCase("no vbank billing", Pg.TOSSPAYMENTS, "vbank", NO_TEL, false, false, null, "pay_method",
                        "tosspayments accepts pay_method card"),
                new WindowCase("never charges", Pg.TOSSPAYMENTS, "card", NO_TEL, true, true, null, "charge_first_period",
                        "tosspayments's billing-key window never charges; charge the first period through the subscription instead"),
                new WindowCase("no billing window", Pg.UPLUS, "card", NO_TEL, false, false, null, "pg",
                        "uplus offers no billing-key window; use tosspayments"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windowCases")
    void checkBillingWindow(WindowCase c) {
        PgProfile profile = PgProfile.of(c.pg());
        if (c.expectedField() == null) {
            assertThat(PgRules.checkBillingWindow(profile, c.payMethod(), c.buyer(), c.chargeFirstPeriod(), c.hasPlan()))
                    .isEqualTo(c.expectedPayMethod());
        } else {
            assertThatThrownBy(() -> PgRules.checkBillingWindow(profile, c.payMethod(), c.buyer(), c.chargeFirstPeriod(),
                    c.hasPlan()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
                            .anySatisfy(problem -> {
                                assertThat(problem.field()).isEqualTo(c.expectedField());
                                assertThat(problem.message()).isEqualTo(c.expectedMessage());
                            }));
        }
    }
}

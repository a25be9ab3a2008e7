package kr.storefront.payments.testkit.iamport;

import java.util.Optional;

/** The {@code pg} of calls that carry raw card data ("API mode"), which only tosspayments supports among ours. */
final class ApiModePg {

    private ApiModePg() {
    }

    /** The PG to use: {@code pg} if it supports API mode, the account default without {@code pg}; else empty. */
    static Optional<PgSelection> resolve(RequestParams params) {
        Optional<String> pg = params.text("pg");
        if (pg.isEmpty()) {
            return Optional.of(PgSelection.API_MODE_DEFAULT);
        }
        return PgSelection.parse(pg.get()).filter(selection -> selection.provider().issuesKeysFromCardData());
    }

    static String refusal(RequestParams params) {
        return params.text("pg").orElse("") + " 는 카드정보를 직접 전달하는 API 방식 결제(빌링키 발급)를 지원하지 않습니다.";
    }
}

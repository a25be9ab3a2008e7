package kr.storefront.payments.testkit.iamport;

import java.util.Optional;

/**
 * The PG of calls that carry raw card data ("API mode"), which only tosspayments supports among ours:
 * {@code channel_key} when the call has one, else {@code pg}, else the account default.
 */
final class ApiModePg {

    private ApiModePg() {
    }

    /** The PG to use, or the refusal (HTTP 200, code -1) when the channel is unknown or its PG has no API mode. */
    static Resolution resolve(RequestParams params, ChannelRegistry channels) {
        Optional<String> channelKey = params.text("channel_key");
        if (channelKey.isPresent()) {
            Optional<Channel> channel = channels.find(channelKey.get());
            if (channel.isEmpty()) {
                return Resolution.refused(ChannelRegistry.UNKNOWN_CHANNEL);
            }
            return apiMode(channel.get().selection());
        }
        Optional<String> pg = params.text("pg");
        if (pg.isEmpty()) {
            return new Resolution(Optional.of(PgSelection.API_MODE_DEFAULT), null);
        }
        return PgSelection.parse(pg.get()).map(ApiModePg::apiMode)
                .orElseGet(() -> Resolution.refused(pg.get() + " 는 지원하지 않는 PG사입니다."));
    }

    private static Resolution apiMode(PgSelection selection) {
        return selection.provider().issuesKeysFromCardData()
                ? new Resolution(Optional.of(selection), null)
                : Resolution.refused(selection.provider().wire() + " 는 카드정보를 직접 전달하는 API 방식 결제(빌링키 발급)를 지원하지 않습니다.");
    }

    /** @param refusal the message when {@code selection} is empty */
    record Resolution(Optional<PgSelection> selection, String refusal) {

        static Resolution refused(String message) {
            return new Resolution(Optional.empty(), message);
        }
    }
}

package kr.storefront.payments.testkit.iamport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's channels, by key; fixed when the sandbox starts. */
final class ChannelRegistry {

    static final String UNKNOWN_CHANNEL = "등록되지 않은 채널입니다.";

    private final Map<String, Channel> byKey;

    ChannelRegistry(List<Channel> channels) {
        var map = new LinkedHashMap<String, Channel>();
        for (Channel channel : channels) {
            if (map.putIfAbsent(channel.key(), channel) != null) {
                throw new IllegalArgumentException("two channels with the key " + channel.key());
            }
        }
        this.byKey = Map.copyOf(map);
    }

    Optional<Channel> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The PG of a checkout window: {@code channelKey} when given (empty if unknown), else the deprecated
     * {@code pg} ({@code "<pg>"} or {@code "<pg>.<MID>"}).
     */
    Optional<PgSelection> window(RequestParams params) {
        Optional<String> channelKey = params.text("channelKey");
        if (channelKey.isPresent()) {
            return find(channelKey.get()).map(Channel::selection);
        }
        return params.text("pg").flatMap(PgSelection::parse);
    }
}

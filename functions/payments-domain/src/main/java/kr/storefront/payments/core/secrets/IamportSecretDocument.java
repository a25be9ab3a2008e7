package kr.storefront.payments.core.secrets;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * Wire form of the secret: {@code {"imp_key": "...", "imp_secret": "...", "imp_code": "imp12345678",
 * "pg_mids": {...}, "api_mids": {...}, "channel_keys": {...}, "api_channel_keys": {...}}}, each map keyed by PG code.
 */
@Serdeable
public record IamportSecretDocument(
        @JsonProperty("imp_key") @Nullable String impKey,
        @JsonProperty("imp_secret") @Nullable String impSecret,
        @JsonProperty("imp_code") @Nullable String impCode,
        @JsonProperty("pg_mids") @Nullable Map<String, String> pgMids,
        @JsonProperty("api_mids") @Nullable Map<String, String> apiMids,
        @JsonProperty("channel_keys") @Nullable Map<String, String> channelKeys,
        @JsonProperty("api_channel_keys") @Nullable Map<String, String> apiChannelKeys) {

    @Override
    public String toString() {
        return "IamportSecretDocument[redacted]";
    }
}

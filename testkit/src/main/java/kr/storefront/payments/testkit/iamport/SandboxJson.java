package kr.storefront.payments.testkit.iamport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The sandbox's one JSON mapper; maps in, maps out, so wire names stay in {@link ApiJson}. */
final class SandboxJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private SandboxJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON object; anything else is a bad request. */
    static Map<String, Object> readObject(byte[] json) {
        try {
            Map<String, Object> object = MAPPER.readValue(json, OBJECT);
            if (object == null) {
                throw new InvalidRequestException("요청 본문이 JSON 객체가 아닙니다.");
            }
            return object;
        } catch (IOException e) {
            throw new InvalidRequestException("요청 본문을 JSON으로 해석할 수 없습니다.");
        }
    }
}

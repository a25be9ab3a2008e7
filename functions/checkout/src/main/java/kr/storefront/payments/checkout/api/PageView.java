package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;
import kr.storefront.payments.core.store.Page;

/** One page of a list; pass {@code next_cursor} as {@code ?cursor=} for the next. {@code items} is always present. */
@Serdeable
public record PageView<T>(@JsonInclude(JsonInclude.Include.ALWAYS) List<T> items,
                          @JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextCursor) {

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor());
    }
}

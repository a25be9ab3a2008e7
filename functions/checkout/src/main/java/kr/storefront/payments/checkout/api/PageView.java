package kr.storefront.payments.checkout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;
import kr.storefront.payments.core.store.Page;

/** One page of a list; pass {@code next_cursor} as {@code ?cursor=} for the next. */
@Serdeable
public record PageView<T>(List<T> items, @JsonProperty("next_cursor") @Nullable String nextCursor) {

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor());
    }
}

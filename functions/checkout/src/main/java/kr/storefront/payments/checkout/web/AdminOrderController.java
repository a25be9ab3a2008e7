package kr.storefront.payments.checkout.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import kr.storefront.payments.checkout.api.AdminOrderRecordView;
import kr.storefront.payments.checkout.api.AdminOrderView;
import kr.storefront.payments.checkout.api.PageView;
import kr.storefront.payments.core.admin.OrderAdministration;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.OrderStatus;
import kr.storefront.payments.http.IamCaller;

/** The back office's order lookups, for IAM-signed administrators. */
@Controller("/checkout/admin/orders")
class AdminOrderController {

    private static final String STATUSES = Arrays.stream(OrderStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));

    private final OrderAdministration administration;

    AdminOrderController(OrderAdministration administration) {
        this.administration = administration;
    }

    /** One order, its payment (and i'mport's record of it with {@code ?live=true}), refunds, webhooks and audit trail. */
    @Get("/{merchantUid}")
    AdminOrderRecordView find(IamCaller caller,
                              @PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "not a merchant_uid") String merchantUid,
                              @QueryValue(defaultValue = "false") boolean live) {
        return AdminOrderRecordView.of(administration.find(merchantUid, live));
    }

    /** Orders now in {@code status}, created in [{@code from}, {@code to}), newest first; a Query of the status index. */
    @Get
    PageView<AdminOrderView> list(IamCaller caller,
                                  @QueryValue @Nullable @Size(max = 32) String status,
                                  @QueryValue @Nullable @Size(max = 40) String from,
                                  @QueryValue @Nullable @Size(max = 40) String to,
                                  @QueryValue @Nullable @Size(max = Paging.MAX_CURSOR_LENGTH) String cursor,
                                  @QueryValue(defaultValue = Paging.DEFAULT_LIMIT) @Min(1) @Max(Paging.MAX_LIMIT) int limit) {
        OrderStatus wanted = status(status);
        Instant start = AdminTimes.from(from);
        Instant end = AdminTimes.to(to);
        start = start == null ? AdminTimes.BEGINNING : start;
        end = end == null ? AdminTimes.END : end;
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        return PageView.of(administration.list(wanted, start, end, cursor, limit), AdminOrderView::of);
    }

    private static OrderStatus status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("status", "required: one of " + STATUSES);
        }
        return Arrays.stream(OrderStatus.values()).filter(s -> s.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("status", "one of " + STATUSES));
    }
}

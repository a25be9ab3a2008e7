package kr.storefront.payments.core.checkout;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.storefront.payments.core.catalog.CatalogStore;
import kr.storefront.payments.core.catalog.CatalogValidation;
import kr.storefront.payments.core.catalog.Plan;
import kr.storefront.payments.core.catalog.Product;
import kr.storefront.payments.core.domain.FieldProblem;
import kr.storefront.payments.core.domain.InvalidRequestException;
import kr.storefront.payments.core.domain.OrderLine;

/** Prices an order from the catalog stored in DynamoDB: the only source of amounts and names. */
@Singleton
public class OrderPricing {

    static final int MAX_LINES = 50;
    static final int MAX_QUANTITY = 99;

    private final CatalogStore catalog;

    OrderPricing(CatalogStore catalog) {
        this.catalog = catalog;
    }

    /**
     * Either catalog items or a plan.
     *
     * @throws InvalidRequestException for unknown, inactive or duplicated items, quantities out of range,
     *                                 or a request with both or neither
     */
    public PricedOrder price(List<LineRequest> items, @Nullable String planId) {
        boolean hasItems = items != null && !items.isEmpty();
        if (hasItems == (planId != null)) {
            throw new InvalidRequestException("items", "give either items or plan_id");
        }
        return hasItems ? priceItems(items) : pricePlan(planId);
    }

    /** An active plan, or a problem on {@code plan_id}. */
    /** The plan as stored, active or retired (for periods already paid under it). */
    public Optional<Plan> plan(String planId) {
        return catalog.findPlan(planId);
    }

    public Plan activePlan(String planId) {
        return catalog.findPlan(planId).filter(Plan::active)
                .orElseThrow(() -> new InvalidRequestException("plan_id", "no active plan with this id"));
    }

    private PricedOrder pricePlan(String planId) {
        Plan plan = activePlan(planId);
        return new PricedOrder(plan.name(), plan.amount(), List.of(), plan.digital());
    }

    private PricedOrder priceItems(List<LineRequest> items) {
        List<FieldProblem> problems = new ArrayList<>();
        if (items.size() > MAX_LINES) {
            throw new InvalidRequestException("items", "at most " + MAX_LINES + " items per order");
        }
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            LineRequest line = items.get(i);
            if (line.sku() == null || !CatalogValidation.ID.matcher(line.sku()).matches()) {
                problems.add(new FieldProblem("items[" + i + "].sku", "sku must be 1-64 letters, digits, '-' or '_'"));
            } else if (!skus.add(line.sku())) {
                problems.add(new FieldProblem("items[" + i + "].sku", "each sku once; use quantity"));
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                problems.add(new FieldProblem("items[" + i + "].quantity", "quantity must be between 1 and " + MAX_QUANTITY));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Map<String, Product> products = catalog.findProducts(skus);
        List<OrderLine> lines = new ArrayList<>();
        long amount = 0;
        boolean digital = true;
        for (int i = 0; i < items.size(); i++) {
            Product product = products.get(items.get(i).sku());
            if (product == null || !product.active()) {
                problems.add(new FieldProblem("items[" + i + "].sku", "no product on sale with this sku"));
                continue;
            }
            digital &= product.digital();
            OrderLine line = new OrderLine(product.sku(), product.name(), product.price(), items.get(i).quantity());
            lines.add(line);
            amount = Math.addExact(amount, line.total());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new PricedOrder(orderName(lines), amount, lines, digital);
    }

    /** "First product" or "First product 외 2건", cut to i'mport's 40 characters. */
    static String orderName(List<OrderLine> lines) {
        String name = lines.get(0).name() + (lines.size() > 1 ? " 외 " + (lines.size() - 1) + "건" : "");
        if (name.codePointCount(0, name.length()) <= CatalogValidation.MAX_NAME_LENGTH) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, CatalogValidation.MAX_NAME_LENGTH));
    }
}

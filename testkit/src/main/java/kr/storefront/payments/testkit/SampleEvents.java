package kr.storefront.payments.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.storefront.payments.testkit.aws.CloudFormationYaml;
import kr.storefront.payments.testkit.aws.TemplateTable;

/**
 * The repository's {@code events/} (the files {@code sam local invoke <Function> -e events/<file>.json}
 * takes) and the one table of what each gives on a stack holding what the files name (payments-domain's test
 * {@code SampleWorld}: the sample customer's billing keys and subscription, an order paid at i'mport and not
 * confirmed yet, a confirmed paid order; {@code ./local-stack} seeds it unless {@code --no-sample-data}) with Toss
 * API mode on (the card samples): every HTTP sample succeeds. Tests read the files in place (there are no
 * copies under {@code src/test/resources}); every replayer takes its rows from {@link #all()} or
 * {@link #of(String)}, which first check that the table and the directory name the same files and
 * that each row names a function of {@code template.yaml}.
 *
 * <p>The directory is found by walking up from the working directory to the folder holding
 * {@code template.yaml} ({@link TemplateTable#locateTemplate()}): Maven runs each module's tests in
 * that module's folder, at whatever depth, and an IDE or a single-module build run from a module
 * folder gets the same answer without any property set by the parent pom.
 */
public final class SampleEvents {

    public static final String CHECKOUT = "CheckoutFunction";
    public static final String VERIFY = "VerifyFunction";
    public static final String REBILL = "RebillFunction";
    public static final String REBILL_WORKER = "RebillWorkerFunction";

    /**
     * One event and its expected outcome.
     *
     * @param file     file name in {@code events/}
     * @param function logical id in {@code template.yaml} that {@code sam local invoke} runs it with
     * @param status   the HTTP status answered, or null for a function that answers no HTTP response
     */
    public record Sample(String file, String function, Integer status) {

        public Path path() {
            return directory().resolve(file);
        }

        @Override
        public String toString() {
            return file + " -> " + (status == null ? "no HTTP response" : status);
        }
    }

    /** The rows as written; {@link #all()} is the same list once checked. */
    static final List<Sample> TABLE = List.of(
            new Sample("checkout-pgs-list.json", CHECKOUT, 200),
            new Sample("checkout-products-list.json", CHECKOUT, 200),
            new Sample("checkout-plans-list.json", CHECKOUT, 200),
            new Sample("checkout-orders-create.json", CHECKOUT, 200),
            new Sample("checkout-billing-keys-create.json", CHECKOUT, 200),
            new Sample("checkout-billing-keys-list.json", CHECKOUT, 200),
            new Sample("checkout-billing-keys-delete.json", CHECKOUT, 200),
            new Sample("checkout-billing-keys-card.json", CHECKOUT, 201),
            new Sample("checkout-payments-card.json", CHECKOUT, 200),
            new Sample("checkout-subscriptions-create.json", CHECKOUT, 201),
            new Sample("checkout-subscriptions-list.json", CHECKOUT, 200),
            new Sample("checkout-subscriptions-cancel.json", CHECKOUT, 200),
            new Sample("checkout-admin-product-put.json", CHECKOUT, 200),
            new Sample("checkout-admin-plan-put.json", CHECKOUT, 200),
            new Sample("checkout-admin-product-get.json", CHECKOUT, 200),
            new Sample("checkout-admin-plan-get.json", CHECKOUT, 200),
            new Sample("checkout-admin-order-refund.json", CHECKOUT, 201),
            new Sample("checkout-admin-order-get.json", CHECKOUT, 200),
            new Sample("checkout-admin-orders-list.json", CHECKOUT, 200),
            new Sample("checkout-admin-customer-subscriptions-list.json", CHECKOUT, 200),
            new Sample("checkout-admin-subscription-pause.json", CHECKOUT, 200),
            new Sample("checkout-admin-subscription-resume.json", CHECKOUT, 200),
            new Sample("checkout-admin-subscription-cancel.json", CHECKOUT, 200),
            new Sample("verify-redirect.json", VERIFY, 302),
            new Sample("verify-confirm.json", VERIFY, 200),
            new Sample("verify-webhook-json.json", VERIFY, 200),
            new Sample("verify-webhook-form.json", VERIFY, 200),
            new Sample("rebill-scheduled.json", REBILL, null),
            new Sample("rebill-worker-batch.json", REBILL_WORKER, null));

    private SampleEvents() {
    }

    /** {@code events/} next to {@code template.yaml}. */
    public static Path directory() {
        Path events = TemplateTable.locateTemplate().resolveSibling("events");
        if (!Files.isDirectory(events)) {
            throw new IllegalStateException("no events/ next to " + TemplateTable.locateTemplate());
        }
        return events;
    }

    /** Every row, once the table is checked against {@code events/} and {@code template.yaml}. */
    public static List<Sample> all() {
        List<String> problems = problems(TABLE, TemplateTable.locateTemplate().getParent());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("SampleEvents and events/ disagree: " + String.join("; ", problems));
        }
        return TABLE;
    }

    /** The checked rows run by one function. */
    public static List<Sample> of(String function) {
        return all().stream().filter(s -> s.function().equals(function)).toList();
    }

    /** {@code events/<file>}, for a file the table has a row for. */
    public static Path path(String file) {
        return TABLE.stream().filter(s -> s.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " has no row in SampleEvents")).path();
    }

    /** What keeps {@code table} from describing {@code root}'s {@code events/} and {@code template.yaml}; empty if nothing. */
    static List<String> problems(List<Sample> table, Path root) {
        Set<String> files;
        try (Stream<Path> listed = Files.list(root.resolve("events"))) {
            files = listed.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> functions = functions(root.resolve("template.yaml"));
        List<String> problems = new ArrayList<>();
        Set<String> rows = new TreeSet<>();
        for (Sample sample : table) {
            if (!rows.add(sample.file())) {
                problems.add(sample.file() + " has two rows");
            }
            if (!files.contains(sample.file())) {
                problems.add("row " + sample.file() + " names no file in events/");
            }
            if (!functions.contains(sample.function())) {
                problems.add("row " + sample.file() + " names " + sample.function() + ", not a function of template.yaml");
            }
        }
        files.stream().filter(f -> !rows.contains(f)).forEach(f -> problems.add("events/" + f + " has no row"));
        return problems;
    }

    private static Set<String> functions(Path template) {
        Map<String, Object> resources = CloudFormationYaml.map(CloudFormationYaml.load(template).get("Resources"));
        return resources.entrySet().stream()
                .filter(r -> "AWS::Serverless::Function".equals(CloudFormationYaml.map(r.getValue()).get("Type")))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}

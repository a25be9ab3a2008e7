package kr.storefront.payments.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kr.storefront.payments.testkit.SampleEvents.Sample;
import kr.storefront.payments.testkit.aws.TemplateTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expected-outcome table against the repository's {@code events/}, and against copies of it that disagree. */
class SampleEventsTest {

    @TempDir
    Path root;

    @BeforeEach
    void copyTheRepository() throws IOException {
        Files.copy(TemplateTable.locateTemplate(), root.resolve("template.yaml"));
        Files.createDirectory(root.resolve("events"));
        try (Stream<Path> events = Files.list(SampleEvents.directory())) {
            for (Path event : events.toList()) {
                Files.copy(event, root.resolve("events").resolve(event.getFileName()));
            }
        }
    }

    @Test
    void everyEventFile_hasExactlyOneRow_andEveryRowItsFile() throws IOException {
        try (Stream<Path> files = Files.list(SampleEvents.directory())) {
            assertThat(SampleEvents.all()).extracting(Sample::file)
                    .containsExactlyInAnyOrderElementsOf(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void anEventFileWithoutARow_isReported() throws IOException {
        Files.writeString(root.resolve("events/checkout-new-route.json"), "{}");

        assertThat(SampleEvents.problems(SampleEvents.TABLE, root)).containsExactly("events/checkout-new-route.json has no row");
    }

    @Test
    void aRowWhoseFileIsGone_isReported() throws IOException {
        Files.delete(root.resolve("events/verify-confirm.json"));

        assertThat(SampleEvents.problems(SampleEvents.TABLE, root)).containsExactly("row verify-confirm.json names no file in events/");
    }

    @Test
    void aRowNamingNoFunctionOfTheTemplate_isReported() {
        List<Sample> table = new ArrayList<>(SampleEvents.TABLE);
        table.set(0, new Sample(table.get(0).file(), "CheckoutFn", 200));

        assertThat(SampleEvents.problems(table, root))
                .containsExactly("row " + table.get(0).file() + " names CheckoutFn, not a function of template.yaml");
    }

    @Test
    void aFileWithTwoRows_isReported() {
        List<Sample> table = new ArrayList<>(SampleEvents.TABLE);
        table.add(new Sample("verify-redirect.json", SampleEvents.VERIFY, 404));

        assertThat(SampleEvents.problems(table, root)).containsExactly("verify-redirect.json has two rows");
    }

    @Test
    void eachFunctionsRows_areTheOnesNamingIt() {
        assertThat(SampleEvents.of(SampleEvents.REBILL)).extracting(Sample::file).containsExactly("rebill-scheduled.json");
        assertThat(SampleEvents.of(SampleEvents.VERIFY)).hasSize(4).allSatisfy(s -> assertThat(s.file()).startsWith("verify-"));
        assertThat(SampleEvents.of(SampleEvents.CHECKOUT)).hasSize(23).allSatisfy(s -> assertThat(s.file()).startsWith("checkout-"));
    }

    @Test
    void path_isTheFileInEvents_andOnlyForARow() {
        assertThat(SampleEvents.path("checkout-pgs-list.json")).isEqualTo(SampleEvents.directory().resolve("checkout-pgs-list.json"))
                .isRegularFile();
        assertThatThrownBy(() -> SampleEvents.path("pgs-list.json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pgs-list.json has no row in SampleEvents");
    }
}

package kr.storefront.payments.core.priming;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * SnapStart priming ({@code priming.*}).
 *
 * @param enabled    run the priming hooks before the snapshot
 * @param iterations how many times each priming step runs: enough for the hot paths to be compiled
 *                   before the snapshot, so a restored copy starts with them compiled
 */
@ConfigurationProperties("priming")
public record PrimingConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "30") @Min(1) @Max(1000) int iterations) {
}

package kr.storefront.payments.snapstart;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * SnapStart priming ({@code priming.*}).
 *
 * @param enabled    run the priming hooks before the snapshot
 * @param iterations how many times each priming step runs. Lambda's java21 JVM compiles with C1 only
 *                   ({@code -XX:TieredStopAtLevel=1}), which compiles a method after about 200 calls: 250
 *                   rounds get every method a step calls compiled before the snapshot, so a restored copy
 *                   does not run them interpreted while its compiler catches up (the template's
 *                   {@code -XX:CompileThresholdScaling=0.1} brings that to about 20 calls; the rounds stay
 *                   sized for a JVM without it). Costs INIT time when a
 *                   version is published (about 40 ms a round here), not an invocation's
 */
@ConfigurationProperties("priming")
public record PrimingConfiguration(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "250") @Min(1) @Max(1000) int iterations) {
}

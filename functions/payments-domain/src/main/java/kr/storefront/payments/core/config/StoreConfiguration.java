package kr.storefront.payments.core.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The DynamoDB table that holds every item of this service (single-table design).
 *
 * @param tableName name of the table (template.yaml passes it as STORE_TABLE_NAME)
 * @param pageSize  default number of items per Query page
 */
@ConfigurationProperties("store")
public record StoreConfiguration(
        @NotBlank String tableName,
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int pageSize) {
}

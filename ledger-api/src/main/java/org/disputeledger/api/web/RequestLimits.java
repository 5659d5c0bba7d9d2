package org.disputeledger.api.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on what one request may make the ledger read: the body's size (413 beyond it, before anything is parsed)
 * and how deeply its JSON may nest (the ledger's deepest request nests 5 levels; deeper is refused before it
 * costs stack or memory).
 */
@Validated
@ConfigurationProperties("ledger.limits")
public record RequestLimits(@NotNull @DefaultValue("256KB") DataSize maxBodySize,
                            @Min(8) @Max(1000) @DefaultValue("32") int maxJsonDepth) {
}

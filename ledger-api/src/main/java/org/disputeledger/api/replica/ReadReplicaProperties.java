package org.disputeledger.api.replica;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * An optional PostgreSQL streaming replica that serves the read models' queries; without a URL every read goes to
 * the primary.
 *
 * @param url           the replica's JDBC URL; empty: no replica
 * @param username      its user (read-only is enough)
 * @param password      its password
 * @param maxStaleness  how far behind the primary an answer read from the replica may be; beyond it reads go to the
 *                      primary
 * @param checkInterval how often the replica's position is compared with the primary's; shorter than
 *                      {@code maxStaleness}, or an idle replica would be judged stale between two checks
 * @param poolSize      connections to the replica
 */
@Validated
@ConfigurationProperties("ledger.read-replica")
public record ReadReplicaProperties(String url,
                                    String username,
                                    String password,
                                    @DefaultValue("PT5S") Duration maxStaleness,
                                    @DefaultValue("PT1S") Duration checkInterval,
                                    @DefaultValue("10") @Min(1) @Max(1000) int poolSize) {

    /** Whether a replica is configured at all. */
    public boolean configured() {
        return url != null && !url.isBlank();
    }

    @AssertTrue(message = "check-interval must be positive and shorter than max-staleness")
    public boolean isCheckIntervalShorterThanMaxStaleness() {
        return maxStaleness != null && checkInterval != null && checkInterval.compareTo(Duration.ZERO) > 0
                && checkInterval.compareTo(maxStaleness) < 0;
    }
}

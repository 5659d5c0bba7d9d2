package org.disputeledger.api.infrastructure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the read models' processors share their work between the ledger nodes of one database.
 *
 * @param segments        how many segments each read model's processor is split into when its tokens are first
 *                        created; a store whose tokens exist keeps the count it was created with
 * @param nodeId          this node's name in the token claims and the node table; empty: the JVM's process name
 *                        ({@code pid@host}) followed by a random suffix, so two nodes in one JVM never share a name
 * @param balanceInterval how often a node says it is alive and hands segments over when it holds more than its
 *                        share; a node unheard of for three intervals no longer counts
 * @param claimInterval   how often a processor looks for segments nobody holds (released by another node, or left by
 *                        a dead one once its claim has timed out)
 */
@Validated
@ConfigurationProperties("ledger.processing")
public record ProcessingProperties(@DefaultValue("2") @Min(1) @Max(64) int segments,
                                   @DefaultValue("") String nodeId,
                                   @DefaultValue("PT5S") Duration balanceInterval,
                                   @DefaultValue("PT2S") Duration claimInterval) {

    public ProcessingProperties {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName() + ":"
                    + UUID.randomUUID().toString().substring(0, 8);
        }
        requirePositive(balanceInterval, "balance-interval");
        requirePositive(claimInterval, "claim-interval");
    }

    private static void requirePositive(Duration interval, String name) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("ledger.processing." + name + " must be positive");
        }
    }
}

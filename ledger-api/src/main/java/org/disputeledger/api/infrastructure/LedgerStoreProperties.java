package org.disputeledger.api.infrastructure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tuning of the event store and token store.
 *
 * @param batchSize         events read per query when streams or the global log are read
 * @param gapTimeout        how long a reader waits for a global-index gap to fill before giving up on it
 * @param gapCleaningThreshold how many gaps a token tracks before old ones are cleaned
 * @param tokenClaimTimeout after how long a processor's claim on a segment may be taken over by another node
 * @param commandRetries    how often a command that lost a race on its stream is retried before a 409
 * @param aggregateCacheSize how many aggregates of each type a node keeps in memory between commands
 */
@Validated
@ConfigurationProperties("ledger.store")
public record LedgerStoreProperties(@DefaultValue("500") @jakarta.validation.constraints.Min(1) int batchSize,
                                    @DefaultValue("PT60S") Duration gapTimeout,
                                    @DefaultValue("250") int gapCleaningThreshold,
                                    @DefaultValue("PT10S") Duration tokenClaimTimeout,
                                    @DefaultValue("5") @jakarta.validation.constraints.Min(0) int commandRetries,
                                    @DefaultValue("20000") @jakarta.validation.constraints.Min(1)
                                    int aggregateCacheSize) {
}

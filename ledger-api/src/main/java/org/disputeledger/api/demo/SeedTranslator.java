package org.disputeledger.api.demo;

import java.util.List;
import java.util.Set;
import org.disputeledger.common.LedgerCommand;

/**
 * Turns rows of the demo data set into the same commands the API sends. One translator per feature; each names
 * the seed event types it handles. A row becomes one or more commands, sent in order in one transaction.
 */
public interface SeedTranslator {

    /** The values of the seed's {@code event_type} column this translator handles. */
    Set<String> eventTypes();

    /**
     * The commands for a row. Throw {@link SeedRowRefused} for a row that cannot be expressed; a command the
     * ledger's rules refuse is reported by the importer.
     */
    List<LedgerCommand> translate(SeedRow row, SeedContext context);
}

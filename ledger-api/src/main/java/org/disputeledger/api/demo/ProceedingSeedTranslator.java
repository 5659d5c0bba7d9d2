package org.disputeledger.api.demo;

import java.util.List;
import java.util.Set;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.proceeding.command.DrawUpProtocol;
import org.disputeledger.proceeding.command.FileCase;
import org.springframework.stereotype.Component;

/**
 * Cases filed and protocols drawn up. Court decisions on challenges arrive as AppealDecided rows and are translated
 * with the fines' rows, which tell the two apart.
 */
@Component
public class ProceedingSeedTranslator implements SeedTranslator {

    static final String CASE_FILED = "CaseFiled";
    static final String PROTOCOL_DRAWN_UP = "ProtocolDrawnUp";

    @Override
    public Set<String> eventTypes() {
        return Set.of(CASE_FILED, PROTOCOL_DRAWN_UP);
    }

    @Override
    public List<LedgerCommand> translate(SeedRow row, SeedContext context) {
        String proceedingId = context.idFor(row.id(), "proceeding");
        String authority = row.authorityName().orElseThrow(() -> new SeedRowRefused(
                row.id() + " names no authority that brought the proceeding"));
        String legalEntityId = row.legalEntity() == null || row.legalEntity().isBlank()
                ? null : context.legalEntityId(row.legalEntity());
        if (CASE_FILED.equals(row.eventType())) {
            return List.of(new FileCase(proceedingId, row.jurisdiction(), authority, row.platform(), legalEntityId,
                    row.legalBasisText().orElse(null), row.attribute("court").orElse(null),
                    row.attribute("relief").orElse(null), context.envelope(row)));
        }
        if (legalEntityId == null) {
            throw new SeedRowRefused(row.id() + " draws up a protocol against no legal entity");
        }
        String legalBasis = row.legalBasisText().orElseThrow(() -> new SeedRowRefused(
                row.id() + " draws up a protocol under no provision"));
        return List.of(new DrawUpProtocol(proceedingId, row.jurisdiction(), authority, legalEntityId, row.platform(),
                legalBasis, row.attribute("topic").orElse(null), context.envelope(row)));
    }
}

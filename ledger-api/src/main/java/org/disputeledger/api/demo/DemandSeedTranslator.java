package org.disputeledger.api.demo;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.disputeledger.common.LedgerCommand;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.demand.ComplianceScope;
import org.disputeledger.demand.DemandKind;
import org.disputeledger.demand.command.ComplyWithDemand;
import org.disputeledger.demand.command.ExtendDemandDeadline;
import org.disputeledger.demand.command.IssueDemand;
import org.springframework.stereotype.Component;

/** Demands of the demo data set: issued, given a deadline, complied with. */
@Component
class DemandSeedTranslator implements SeedTranslator {

    @Override
    public Set<String> eventTypes() {
        return Set.of("DemandIssued", "DemandDeadlineSet", "DemandComplied");
    }

    @Override
    public List<LedgerCommand> translate(SeedRow row, SeedContext context) {
        return switch (row.eventType()) {
            case "DemandIssued" -> List.of(issue(row, context));
            case "DemandDeadlineSet" -> List.of(setDeadline(row, context));
            case "DemandComplied" -> List.of(comply(row, context));
            default -> throw new SeedRowRefused(row.id() + ": not a demand event " + row.eventType());
        };
    }

    private IssueDemand issue(SeedRow row, SeedContext context) {
        String kind = row.attribute("demand_kind")
                .orElseThrow(() -> new SeedRowRefused(row.id() + " does not say what is demanded (demand_kind)"));
        DemandKind demandKind;
        try {
            demandKind = DemandKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            demandKind = DemandKind.OTHER;
        }
        String legalEntity = row.legalEntity() == null ? null : context.legalEntityId(row.legalEntity());
        String authority = row.authorityName()
                .orElseThrow(() -> new SeedRowRefused(row.id() + " names no authority"));
        return new IssueDemand(context.idFor(row.id(), "demand"), row.jurisdiction(), authority, row.platform(),
                legalEntity, demandKind, row.legalBasis(), row.count(), Map.of(), date(row, "deadline"),
                context.envelope(row, LinkRelation.ANSWERS));
    }

    private ExtendDemandDeadline setDeadline(SeedRow row, SeedContext context) {
        String demandId = context.recorded(row.onlyReference()).get(0).streamId();
        LocalDate deadline = date(row, "deadline");
        if (deadline == null) {
            long days = row.attribute("deadline_days").map(Long::parseLong)
                    .orElseThrow(() -> new SeedRowRefused(row.id() + " gives neither deadline nor deadline_days"));
            deadline = row.effectiveDate().plusDays(days);
        }
        return new ExtendDemandDeadline(demandId, deadline, context.envelope(row));
    }

    private ComplyWithDemand comply(SeedRow row, SeedContext context) {
        String demandId = context.recorded(row.onlyReference()).get(0).streamId();
        ComplianceScope scope = "full".equals(row.attribute("scope").orElse("partial"))
                ? ComplianceScope.FULL : ComplianceScope.PARTIAL;
        return new ComplyWithDemand(demandId, scope, row.count(), context.envelope(row, LinkRelation.ANSWERS));
    }

    private static LocalDate date(SeedRow row, String attribute) {
        return row.attribute(attribute).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }).orElse(null);
    }
}

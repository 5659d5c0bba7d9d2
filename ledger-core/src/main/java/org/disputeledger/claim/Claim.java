package org.disputeledger.claim;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.disputeledger.claim.command.AssessCompliance;
import org.disputeledger.claim.command.RecordPlatformResponse;
import org.disputeledger.claim.command.ReportStatistic;
import org.disputeledger.claim.event.ComplianceAssessed;
import org.disputeledger.claim.event.PlatformResponded;
import org.disputeledger.claim.event.StatisticReported;

/**
 * One claim, made once and kept as said (DOMAIN rule 6): a later, conflicting figure is a claim of its own, so
 * nothing here ever replaces or merges an earlier claim.
 */
class Claim {

    @AggregateIdentifier
    private String claimId;

    Claim() {
    }

    @CommandHandler
    Claim(ReportStatistic command) {
        apply(new StatisticReported(command.claimId(), command.claimant(), command.jurisdiction(), command.platform(),
                command.legalEntityId(), command.metric(), command.count(), command.amount(), command.qualifier(),
                command.period(), command.asOf(), command.breakdown(), command.envelope()));
    }

    @CommandHandler
    Claim(AssessCompliance command) {
        apply(new ComplianceAssessed(command.claimId(), command.authority(), command.jurisdiction(),
                command.platform(), command.demandId(), command.itemsFlagged(), command.itemsRemoved(),
                command.itemsRemaining(), command.shareComplied(), command.assessment(), command.envelope()));
    }

    @CommandHandler
    Claim(RecordPlatformResponse command) {
        apply(new PlatformResponded(command.claimId(), command.platform(), command.jurisdiction(),
                command.addressee(), command.channel(), command.statement(), command.envelope()));
    }

    @EventSourcingHandler
    void on(StatisticReported event) {
        claimId = event.claimId();
    }

    @EventSourcingHandler
    void on(ComplianceAssessed event) {
        claimId = event.claimId();
    }

    @EventSourcingHandler
    void on(PlatformResponded event) {
        claimId = event.claimId();
    }
}

package org.disputeledger.proceeding;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.disputeledger.proceeding.command.DecideChallenge;
import org.disputeledger.proceeding.command.DrawUpProtocol;
import org.disputeledger.proceeding.command.FileCase;
import org.disputeledger.proceeding.event.CaseFiled;
import org.disputeledger.proceeding.event.ChallengeDecided;
import org.disputeledger.proceeding.event.ProtocolDrawnUp;

/** One proceeding before an authority or court: a case filed, a protocol drawn up or a challenge decided. */
class Proceeding {

    @AggregateIdentifier
    private String proceedingId;

    Proceeding() {
    }

    @CommandHandler
    Proceeding(FileCase command) {
        apply(new CaseFiled(command.proceedingId(), command.jurisdiction(), command.claimant(), command.platform(),
                command.legalEntityId(), command.legalBasis(), command.court(), command.relief(),
                command.envelope()));
    }

    @CommandHandler
    Proceeding(DrawUpProtocol command) {
        apply(new ProtocolDrawnUp(command.proceedingId(), command.jurisdiction(), command.authority(),
                command.legalEntityId(), command.platform(), command.legalBasis(), command.topic(),
                command.envelope()));
    }

    @CommandHandler
    Proceeding(DecideChallenge command) {
        apply(new ChallengeDecided(command.proceedingId(), command.jurisdiction(), command.court(),
                command.outcome(), command.challenged(), command.envelope()));
    }

    @EventSourcingHandler
    void on(CaseFiled event) {
        proceedingId = event.proceedingId();
    }

    @EventSourcingHandler
    void on(ProtocolDrawnUp event) {
        proceedingId = event.proceedingId();
    }

    @EventSourcingHandler
    void on(ChallengeDecided event) {
        proceedingId = event.proceedingId();
    }
}

package org.disputeledger.entity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.disputeledger.entity.command.DesignateEntity;
import org.disputeledger.entity.command.RecordAssetSeizure;
import org.disputeledger.entity.command.RenameEntity;
import org.disputeledger.entity.event.AssetsSeized;
import org.disputeledger.entity.event.EntityDesignated;
import org.disputeledger.entity.event.EntityRenamed;

/**
 * One legal entity, which fines and designations target. Entities are known by their slug before anything is
 * recorded about them, so any fact may be the first of the stream.
 */
class LegalEntity {

    @AggregateIdentifier
    private String streamId;

    LegalEntity() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RenameEntity command) {
        apply(new EntityRenamed(command.legalEntityId(), command.oldName(), command.newName(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DesignateEntity command) {
        apply(new EntityDesignated(command.legalEntityId(), command.authority(), command.designation(),
                command.jurisdiction(), command.subject(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordAssetSeizure command) {
        apply(new AssetsSeized(command.legalEntityId(), command.authority(), command.jurisdiction(),
                command.description(), command.envelope()));
    }

    @EventSourcingHandler
    void on(EntityRenamed event) {
        streamId = LegalEntityStream.idOf(event.legalEntityId());
    }

    @EventSourcingHandler
    void on(EntityDesignated event) {
        streamId = LegalEntityStream.idOf(event.legalEntityId());
    }

    @EventSourcingHandler
    void on(AssetsSeized event) {
        streamId = LegalEntityStream.idOf(event.legalEntityId());
    }
}

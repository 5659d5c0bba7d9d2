package org.disputeledger.curation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.disputeledger.common.LedgerRuleViolation;
import org.disputeledger.common.RuleCode;
import org.disputeledger.curation.command.AttachSource;
import org.disputeledger.curation.command.CorrectEvent;
import org.disputeledger.curation.command.RetractEvent;
import org.disputeledger.curation.event.EventCorrected;
import org.disputeledger.curation.event.EventRetracted;
import org.disputeledger.curation.event.SourceAttached;

/** The curation history of one event: it can be corrected and sourced again and again, and retracted once. */
class Curation {

    @AggregateIdentifier
    private String streamId;
    private boolean retracted;

    Curation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CorrectEvent command, KnownEvents knownEvents) {
        String targetStream = requireKnownTarget(command.targetEventId(), knownEvents);
        requireNotRetracted(command.targetEventId());
        apply(new EventCorrected(command.targetEventId(), targetStream, command.correctedEffective(),
                command.correctedConfidence(), command.correctedFields(), command.reason(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RetractEvent command, KnownEvents knownEvents) {
        String targetStream = requireKnownTarget(command.targetEventId(), knownEvents);
        requireNotRetracted(command.targetEventId());
        apply(new EventRetracted(command.targetEventId(), targetStream, command.reason(), command.envelope()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AttachSource command, KnownEvents knownEvents) {
        String targetStream = requireKnownTarget(command.targetEventId(), knownEvents);
        apply(new SourceAttached(command.targetEventId(), targetStream, command.envelope()));
    }

    private static String requireKnownTarget(String targetEventId, KnownEvents knownEvents) {
        String stream = knownEvents.streamOf(targetEventId).orElseThrow(() -> new LedgerRuleViolation(
                RuleCode.UNKNOWN_EVENT, "targetEventId", "the ledger holds no event " + targetEventId));
        if (stream.startsWith(CurationStreams.id(""))) {
            throw new LedgerRuleViolation(RuleCode.UNKNOWN_EVENT, "targetEventId",
                    "event " + targetEventId + " is itself a curation; curate the event it curates instead");
        }
        return stream;
    }

    private void requireNotRetracted(String targetEventId) {
        if (retracted) {
            throw new LedgerRuleViolation(RuleCode.EVENT_ALREADY_RETRACTED, "targetEventId",
                    "event " + targetEventId + " was retracted; it can no longer be corrected or retracted");
        }
    }

    @EventSourcingHandler
    void on(EventCorrected event) {
        streamId = CurationStreams.id(event.targetEventId());
    }

    @EventSourcingHandler
    void on(EventRetracted event) {
        streamId = CurationStreams.id(event.targetEventId());
        retracted = true;
    }

    @EventSourcingHandler
    void on(SourceAttached event) {
        streamId = CurationStreams.id(event.targetEventId());
    }
}

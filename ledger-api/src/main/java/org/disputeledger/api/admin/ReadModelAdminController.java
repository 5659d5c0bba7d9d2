package org.disputeledger.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.disputeledger.api.infrastructure.ReadModelDefinition;
import org.disputeledger.api.infrastructure.ReadModelRebuilds.Rebuild;
import org.disputeledger.api.infrastructure.ReadModelRebuilds;
import org.disputeledger.api.infrastructure.ReadModelTableSets;
import org.disputeledger.api.operations.ProcessorStates;
import org.disputeledger.api.web.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on the read models: where each processor is and which table set is live, and a rebuild of all of them
 * from the event store while the live tables keep serving.
 */
@RestController
class ReadModelAdminController {

    static final String REBUILD = "/api/v1/admin/read-models/rebuild";

    /** A read model: its processor's position against the head, and its live table set. */
    record ReadModelState(String name, Long position, boolean caughtUp, String tableSet) {
    }

    record ReadModels(Long headPosition, List<ReadModelState> readModels) {
    }

    /** A rebuild as reported; {@code durationMillis} once it has finished. */
    record RebuildState(String id, ReadModelRebuilds.State state, String node, java.time.Instant startedAt,
                        java.time.Instant finishedAt, Long durationMillis, long eventsReplayed, Long lastPosition,
                        String detail) {

        static RebuildState of(Rebuild rebuild) {
            return new RebuildState(rebuild.id(), rebuild.state(), rebuild.node(), rebuild.startedAt(),
                    rebuild.finishedAt(), rebuild.durationMillis(), rebuild.eventsReplayed(), rebuild.lastPosition(),
                    rebuild.detail());
        }
    }

    private final List<ReadModelDefinition> readModels;
    private final ReadModelTableSets tableSets;
    private final ReadModelRebuilds rebuilds;
    private final ProcessorStates progress;

    ReadModelAdminController(List<ReadModelDefinition> readModels, ReadModelTableSets tableSets,
                             ReadModelRebuilds rebuilds, ProcessorStates progress) {
        this.readModels = readModels;
        this.tableSets = tableSets;
        this.rebuilds = rebuilds;
        this.progress = progress;
    }

    @Operation(summary = "Each read model's processor position against the head of the event store, and its live"
            + " table set")
    @GetMapping("/api/v1/admin/read-models")
    ReadModels readModels() {
        List<ReadModelState> states = new java.util.ArrayList<>();
        Long head = progress.head();
        for (ReadModelDefinition readModel : readModels) {
            ProcessorStates.ProcessorState current = progress.of(readModel.name(), head);
            states.add(new ReadModelState(readModel.name(), current.position(), current.caughtUp(),
                    tableSets.liveSet(readModel.name()).name()));
        }
        return new ReadModels(head, states);
    }

    /** Starts a rebuild of every read model; 202 with the rebuild, or 409 while one is running. */
    @Operation(summary = "Rebuild every read model from the event store into its other table set while the live"
            + " one serves, then switch; 409 while a rebuild runs")
    @PostMapping(REBUILD)
    ResponseEntity<RebuildState> rebuild() {
        Rebuild started = rebuilds.start();
        return ResponseEntity.accepted().location(URI.create(REBUILD)).body(RebuildState.of(started));
    }

    /** The latest rebuild, running or finished; 404 when none was ever asked for. */
    @Operation(summary = "The latest rebuild: running, switched or failed, with the events replayed and its duration")
    @GetMapping(REBUILD)
    ResponseEntity<?> latest() {
        return rebuilds.latest().<ResponseEntity<?>>map(rebuild -> ResponseEntity.ok(RebuildState.of(rebuild)))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemHandler.problem(HttpStatus.NOT_FOUND, "no-rebuild",
                            "No rebuild yet", "no rebuild of the read models has been asked for", "rebuild",
                            "A rebuild's state exists once one was asked for");
                    return ResponseEntity.status(HttpStatus.NOT_FOUND)
                            .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
                });
    }
}

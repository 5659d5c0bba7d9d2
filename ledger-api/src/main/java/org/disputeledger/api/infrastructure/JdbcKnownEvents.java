package org.disputeledger.api.infrastructure;

import java.util.List;
import java.util.Optional;
import org.disputeledger.curation.KnownEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Looks events up by id in the event store itself (the event id column is unique and indexed). */
@Component
public class JdbcKnownEvents implements KnownEvents {

    private final JdbcTemplate jdbc;

    public JdbcKnownEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> streamOf(String eventId) {
        List<String> streams = jdbc.queryForList(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE event_identifier = ?", String.class, eventId);
        return streams.stream().findFirst();
    }
}

-- A timeline page is read in the order (effective start, global position) after a cursor, with a limit: indexes in
-- that order let the database stop after the page instead of sorting every entry of the subject in the window.
DROP INDEX timeline_entry_platform_ix;
DROP INDEX timeline_entry_entity_ix;
CREATE INDEX timeline_entry_platform_ix ON timeline_entry (platform, effective_start, global_position);
CREATE INDEX timeline_entry_entity_ix ON timeline_entry (legal_entity, effective_start, global_position);
DROP INDEX timeline_entry_platform_ix_b;
DROP INDEX timeline_entry_entity_ix_b;
CREATE INDEX timeline_entry_platform_ix_b ON timeline_entry_b (platform, effective_start, global_position);
CREATE INDEX timeline_entry_entity_ix_b ON timeline_entry_b (legal_entity, effective_start, global_position);

package org.disputeledger.api.demo;

import java.util.List;
import org.disputeledger.common.Envelope;
import org.disputeledger.common.LinkRelation;
import org.disputeledger.common.Recorded;

/** What a translator may know while turning a row into commands: earlier rows' results, stable ids, envelopes. */
public interface SeedContext {

    /**
     * The row's envelope: effective time and precision, its source (the url, or the publisher named in the summary),
     * confidence, summary, the row's attributes as details, and a link with the given relation to the first event
     * of every referenced row that was recorded (a referenced row that was not is named in the details, under
     * {@code unrecordedReferences}: the fact stands, its causal link is missing).
     */
    Envelope envelope(SeedRow row, LinkRelation relationToReferences);

    /** The envelope with links that {@link LinkRelation#FOLLOWS} the referenced rows. */
    default Envelope envelope(SeedRow row) {
        return envelope(row, LinkRelation.FOLLOWS);
    }

    /**
     * A stable identifier derived from a row id and a purpose ({@code "fine"}, {@code "restriction"}): the same on
     * every import, so a later row can name what an earlier row created by computing the same id.
     */
    String idFor(String rowId, String purpose);

    /** What the commands of an earlier row appended; refused if that row was not recorded. */
    List<Recorded> recorded(String rowId);

    /** The ledger's id (slug) of a legal entity named in the seed, following recorded renames. */
    String legalEntityId(String name);

    /** The row with the given id, as read from the data set. */
    SeedRow row(String rowId);

    /** The rows recorded so far in this import, in the order they were recorded. */
    List<SeedRow> recordedRows();
}

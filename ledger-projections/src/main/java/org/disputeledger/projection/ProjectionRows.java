package org.disputeledger.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.disputeledger.common.EffectiveTime;
import org.disputeledger.common.Precision;

/** Reading back what the read models store in more than one column. */
public final class ProjectionRows {

    private ProjectionRows() {
    }

    /**
     * The effective time kept in the columns {@code <prefix>start}, {@code <prefix>date} and {@code <prefix>precision}
     * (an instant keeps its start, any other precision its date), or null when the precision column is null (a
     * curation that corrects no effective time).
     */
    public static EffectiveTime effectiveTime(ResultSet row, String prefix) throws SQLException {
        String precision = row.getString(prefix + "precision");
        if (precision == null) {
            return null;
        }
        Precision given = Precision.valueOf(precision);
        return given == Precision.INSTANT
                ? EffectiveTime.at(row.getObject(prefix + "start", OffsetDateTime.class).toInstant())
                : new EffectiveTime(row.getObject(prefix + "date", LocalDate.class), null, given);
    }
}

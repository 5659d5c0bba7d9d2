package org.disputeledger.api.infrastructure;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tokens of a processor's segments as committed in {@code token_entry} of a database, read without claiming
 * them: what any node (or a replica) has handled, whichever node holds the segment.
 */
public final class CommittedTokens {

    private CommittedTokens() {
    }

    /** Every segment of the processor with its committed token, unwrapped from a replay; null when it has none. */
    public static Map<Integer, TrackingToken> of(JdbcTemplate jdbc, Serializer serializer, String processor) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.query("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?", row -> {
            byte[] token = row.getBytes("token");
            String type = row.getString("token_type");
            TrackingToken stored = token == null || type == null ? null
                    : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
            tokens.put(row.getInt("segment"), stored == null ? null : WrappedToken.unwrapLowerBound(stored));
        }, processor);
        return tokens;
    }

    /** The global position a token has handled up to, 0 when none (no token, or nothing handled). */
    public static long position(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.orElse(0);
    }
}

package org.disputeledger.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.disputeledger.common.InvalidValueException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The API keys: created by an admin (the secret is returned once and only its SHA-256 is stored), listed, revoked,
 * and checked on every request. A key reads {@code ldk_<id>_<secret>}: the id finds the row, the hash of the whole
 * key is compared in constant time. The secret holds 256 random bits, so one SHA-256 is enough (a slow password
 * hash protects guessable secrets, and would cost every request). Verified keys are cached per node; a revocation
 * clears this node's entry at once, and other nodes read the row again at the latest {@code cacheTtl} after they
 * cached it.
 */
@Component
public class ApiKeys {

    static final String PREFIX = "ldk_";
    private static final int ID_BYTES = 8;
    private static final int SECRET_BYTES = 32;
    private static final String NAME_PATTERN = "[A-Za-z0-9._@-]{1,64}";

    /** A key as listed: never its secret nor its hash. */
    public record ApiKey(String id, String name, Role role, Instant createdAt, String createdBy, Instant revokedAt,
                         String revokedBy) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A key just created: the only time its secret is known to anyone but its holder. */
    public record CreatedKey(ApiKey key, String secret) {
    }

    /** A verified key as cached: its hash, role and name, and when its row was read. */
    private record Verified(byte[] hash, Role role, String name, boolean revoked, Instant readAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Verified> cache;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcTemplate jdbc, Clock clock, LedgerSecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = properties.apiKeys().cacheTtl();
        int capacity = properties.apiKeys().cacheSize();
        this.cache = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Creates a key for {@code role}; {@code name} says whose it is (letters, digits, {@code . _ @ -}). */
    public CreatedKey create(String name, Role role, String createdBy) {
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new InvalidValueException("name", "key-name",
                    "name must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (role == null) {
            throw new InvalidValueException("role", "required", "role is required");
        }
        String id = HexFormat.of().formatHex(randomBytes(ID_BYTES));
        String secret = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(randomBytes(SECRET_BYTES));
        Instant now = clock.instant();
        jdbc.update("INSERT INTO api_key (key_id, name, role, secret_hash, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", id, name, role.name(), HexFormat.of().formatHex(sha256(secret)),
                Timestamp.from(now), createdBy);
        return new CreatedKey(new ApiKey(id, name, role, now, createdBy, null, null), secret);
    }

    /** Every key ever created, newest first, revoked ones included. */
    public List<ApiKey> list() {
        return jdbc.query("SELECT key_id, name, role, created_at, created_by, revoked_at, revoked_by FROM api_key "
                + "ORDER BY created_at DESC, key_id", (rs, i) -> new ApiKey(rs.getString(1), rs.getString(2),
                Role.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)));
    }

    /** Revokes a key for good; empty when there is no such key. Revoking a revoked key changes nothing. */
    public Optional<ApiKey> revoke(String id, String revokedBy) {
        if (id == null || !id.matches("[0-9a-f]{" + ID_BYTES * 2 + "}")) {
            return Optional.empty();
        }
        jdbc.update("UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE key_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), revokedBy, id);
        synchronized (cache) {
            cache.remove(id);
        }
        return list().stream().filter(key -> key.id().equals(id)).findFirst();
    }

    /** The key's holder, if {@code presented} is a key this ledger issued and has not revoked. */
    Optional<ApiKeyAuthentication> authenticate(String presented) {
        String id = idOf(presented);
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Verified verified;
        synchronized (cache) {
            verified = cache.get(id);
        }
        if (verified == null || verified.readAt().plus(ttl).isBefore(now)) {
            verified = read(id, now);
            if (verified == null) {
                return Optional.empty();
            }
            synchronized (cache) {
                cache.put(id, verified);
            }
        }
        if (verified.revoked() || !MessageDigest.isEqual(verified.hash(), sha256(presented))) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyAuthentication("key:" + id + ":" + verified.name(), verified.role()));
    }

    private Verified read(String id, Instant now) {
        List<Verified> rows = jdbc.query("SELECT secret_hash, role, name, revoked_at FROM api_key WHERE key_id = ?",
                (rs, i) -> new Verified(HexFormat.of().parseHex(rs.getString(1)), Role.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4) != null, now), id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The id of a well-formed key, or null: anything else never reaches the database. */
    private static String idOf(String presented) {
        int idEnd = PREFIX.length() + ID_BYTES * 2;
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() != idEnd + 1 + 43
                || presented.charAt(idEnd) != '_') {
            return null;
        }
        String id = presented.substring(PREFIX.length(), idEnd);
        return id.matches("[0-9a-f]+") ? id : null;
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

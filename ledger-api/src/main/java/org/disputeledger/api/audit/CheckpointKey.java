package org.disputeledger.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.disputeledger.audit.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the checkpoint key: the configured pair if there is one, else the pair in the key file, which is created
 * (readable by its owner only) on first start. Nodes that share a database must share the key: configure it.
 */
final class CheckpointKey {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointKey.class);
    private static final Pattern PRIVATE = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----(.*?)-----END PRIVATE KEY-----", Pattern.DOTALL);
    private static final Pattern PUBLIC = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----(.*?)-----END PUBLIC KEY-----", Pattern.DOTALL);

    private CheckpointKey() {
    }

    static SigningKeys.SigningKey load(AuditProperties properties) {
        boolean hasPrivate = properties.signingKey() != null && !properties.signingKey().isBlank();
        boolean hasPublic = properties.publicKey() != null && !properties.publicKey().isBlank();
        if (hasPrivate != hasPublic) {
            throw new IllegalStateException("ledger.audit.signing-key and ledger.audit.public-key go together:"
                    + " give both or neither");
        }
        if (hasPrivate) {
            return SigningKeys.pair(properties.signingKey(), properties.publicKey());
        }
        Path file = properties.keyFile().toAbsolutePath();
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file);
                Matcher privateKey = PRIVATE.matcher(text);
                Matcher publicKey = PUBLIC.matcher(text);
                if (!privateKey.find() || !publicKey.find()) {
                    throw new IllegalStateException("the checkpoint key file " + file + " lacks a PEM private or"
                            + " public key");
                }
                return SigningKeys.pair(privateKey.group(1), publicKey.group(1));
            }
            SigningKeys.SigningKey key = SigningKeys.generate();
            Files.createDirectories(file.getParent());
            Path written = Files.writeString(Files.createTempFile(file.getParent(), "audit-key", ".tmp"),
                    "-----BEGIN PRIVATE KEY-----\n" + key.privateKeyBase64() + "\n-----END PRIVATE KEY-----\n"
                            + key.publicKey().pem());
            try {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warn("cannot restrict the permissions of {} on this file system", file);
            }
            Files.move(written, file);
            LOG.warn("created a checkpoint signing key in {} (key id {}); keep it safe, and configure the same key on"
                    + " every node that shares this database", file, key.publicKey().keyId());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the checkpoint key file " + file, e);
        }
    }
}

package org.disputeledger.api.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tamper-evident log: sealing and the checkpoint key.
 *
 * @param sealing         whether this node seals (several nodes may; one seals at a time)
 * @param interval        how long the sealer rests when it has caught up
 * @param checkpointEvery the most events one checkpoint covers beyond the one before
 * @param fenceTimeout    how long the sealer waits for appends in flight before it tries again later
 * @param signingKey      the Ed25519 private key, base64 PKCS#8 (or PEM); with {@code publicKey}, overrides the file
 * @param publicKey       its public key, base64 X.509 (or PEM)
 * @param keyFile         where the key pair is kept when none is given: created on first start if missing
 */
@Validated
@ConfigurationProperties("ledger.audit")
public record AuditProperties(@DefaultValue("true") boolean sealing,
                              @DefaultValue("PT0.2S") Duration interval,
                              @DefaultValue("1000") @Min(1) @Max(100_000) int checkpointEvery,
                              @DefaultValue("PT0.1S") Duration fenceTimeout,
                              String signingKey,
                              String publicKey,
                              @DefaultValue("./data/audit-signing-key.pem") Path keyFile) {
}

package org.disputeledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportVerifierTest {

    private static final SigningKeys.SigningKey KEY = SigningKeys.generate();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static SealedEvent event(long position) {
        return new SealedEvent(position, "event-" + position, "stream-" + position % 3, position / 3, "Demand",
                T0.plusSeconds(position).toString(), "org.disputeledger.demand.event.DemandIssued", "1",
                ("{\"n\":" + position + ",\"text\":\"\u00e9\"}").getBytes(StandardCharsets.UTF_8),
                position % 2 == 0 ? null : "{\"recordedBy\":\"a\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** An export of events at positions 1, 2, 4, 5 ... (3 is a gap), with a checkpoint after every 4 events. */
    private static List<String> export(int events) {
        List<String> lines = new ArrayList<>();
        lines.add(ExportFormat.header(KEY.publicKey(), T0));
        CompactRange range = new CompactRange();
        Map<TreeNode, byte[]> nodes = new HashMap<>();
        long previous = 0;
        long position = 0;
        for (int i = 0; i < events; i++) {
            position += position == 2 ? 2 : 1;
            SealedEvent event = event(position);
            lines.add(ExportFormat.event(i, event));
            range.append(event.leafHash(), nodes::put);
            if (range.size() % 4 == 0 || i == events - 1) {
                byte[] root = range.root();
                Instant sealedAt = T0.plusSeconds(1000 + i);
                byte[] signature = KEY.sign(Checkpoint.signedBytes(range.size(), position, root, sealedAt,
                        KEY.publicKey().keyId()));
                Checkpoint checkpoint = new Checkpoint(range.size(), position, root, sealedAt,
                        KEY.publicKey().keyId(), signature);
                List<byte[]> proof = MerkleProofs.consistency(previous, range.size()).stream()
                        .map(r -> Subtrees.fold(Subtrees.decompose(r.start(), r.end()).stream().map(nodes::get)
                                .toList())).toList();
                lines.add(ExportFormat.checkpoint(checkpoint, previous, proof));
                previous = range.size();
            }
        }
        lines.add(ExportFormat.end(events, (events + 3) / 4));
        return lines;
    }

    private static ExportVerifier.Result verify(List<String> lines) throws IOException {
        return ExportVerifier.verify(new BufferedReader(new StringReader(String.join("\n", lines))),
                KEY.publicKey());
    }

    @Test
    void acceptsAWholeExportAndSaysWhatItChecked() throws IOException {
        ExportVerifier.Result result = verify(export(10));
        assertThat(result.ok()).as(result.summary()).isTrue();
        assertThat(result.events()).isEqualTo(10);
        assertThat(result.checkpoints()).isEqualTo(3);
        assertThat(result.summary()).startsWith("OK: 10 events, 3 signed checkpoints");
    }

    @Test
    void namesTheEventWhosePayloadChanged() throws IOException {
        List<String> lines = export(10);
        lines.set(6, lines.get(6).replace("\\\"n\\\":6", "\\\"n\\\":7"));
        ExportVerifier.Result result = verify(lines);
        assertThat(result.ok()).isFalse();
        assertThat(result.position()).isEqualTo(6);
        assertThat(result.line()).isEqualTo(7);
    }

    @Test
    void namesTheEventWhoseRecordedTimeChangedEvenWithItsLeafHashLeftOut() throws IOException {
        List<String> lines = export(10);
        String line = lines.get(3).replace("2026-01-01T00:00:04Z", "2026-01-01T00:00:05Z")
                .replaceAll(",\"leafHash\":\"[0-9a-f]+\"", "");
        lines.set(3, line);
        ExportVerifier.Result result = verify(lines);
        assertThat(result.ok()).isFalse();
        assertThat(result.problem()).contains("hash to root");
        assertThat(result.position()).isEqualTo(5);
    }

    @Test
    void refusesADroppedEventAnInsertedOneAndSwappedOnes() throws IOException {
        List<String> dropped = export(10);
        dropped.remove(2);
        assertThat(verify(dropped).ok()).isFalse();

        List<String> swapped = export(10);
        String second = swapped.get(2);
        swapped.set(2, swapped.get(3));
        swapped.set(3, second);
        assertThat(verify(swapped).ok()).isFalse();
        assertThat(verify(swapped).line()).isEqualTo(3);
    }

    @Test
    void refusesACheckpointSignedByAnotherKeyAndACutOffFile() throws IOException {
        List<String> lines = export(8);
        SigningKeys.SigningKey other = SigningKeys.generate();
        ExportVerifier.Result otherKey = ExportVerifier.verify(new BufferedReader(new StringReader(
                String.join("\n", lines))), other.publicKey());
        assertThat(otherKey.ok()).isFalse();
        assertThat(otherKey.problem()).contains("names key");

        List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 1));
        assertThat(verify(cut).problem()).contains("cut off");

        List<String> forged = export(8);
        forged.set(5, forged.get(5).replaceFirst("\"signature\":\"[A-Za-z0-9+/]", "\"signature\":\"A"));
        assertThat(verify(forged).ok()).isFalse();
    }

    @Test
    void theCommandExitsZeroOnlyForAnIntactExport() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".ndjson");
        java.nio.file.Path key = java.nio.file.Files.createTempFile("key", ".pem");
        try {
            java.nio.file.Files.write(file, export(9));
            java.nio.file.Files.writeString(key, KEY.publicKey().pem());
            assertThat(ExportVerifier.run(file.toString(), key.toString())).isZero();
            assertThat(ExportVerifier.run(file.toString(), KEY.publicKey().base64())).isZero();
            List<String> lines = export(9);
            lines.set(1, lines.get(1).replace("stream-1", "stream-2"));
            java.nio.file.Files.write(file, lines);
            assertThat(ExportVerifier.run(file.toString(), key.toString())).isEqualTo(1);
            assertThat(ExportVerifier.run(file.toString())).isEqualTo(2);
        } finally {
            java.nio.file.Files.delete(file);
            java.nio.file.Files.delete(key);
        }
    }

    @Test
    void aKeyPairIsCheckedToBelongTogether() {
        SigningKeys.SigningKey other = SigningKeys.generate();
        assertThat(SigningKeys.pair(KEY.privateKeyBase64(), KEY.publicKey().pem()).publicKey().keyId())
                .isEqualTo(KEY.publicKey().keyId());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SigningKeys.pair(KEY.privateKeyBase64(),
                other.publicKey().base64())).hasMessageContaining("not the private key's");
    }
}

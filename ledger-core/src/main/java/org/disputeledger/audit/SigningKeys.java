package org.disputeledger.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys for checkpoints, in the standard encodings: a private key as PKCS#8, a public key as X.509
 * SubjectPublicKeyInfo, each in base64 (or PEM). A key's id is the first 8 bytes of the SHA-256 of its public
 * key, in hex: short enough to print, enough to tell keys apart.
 */
public final class SigningKeys {

    private static final String ALGORITHM = "Ed25519";

    private SigningKeys() {
    }

    /** A key pair that signs checkpoints. */
    public record SigningKey(PrivateKey privateKey, PublicKeyInfo publicKey) {

        public byte[] sign(byte[] data) {
            try {
                Signature signature = Signature.getInstance(ALGORITHM);
                signature.initSign(privateKey);
                signature.update(data);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign with the checkpoint key", e);
            }
        }

        /** The private key as base64 PKCS#8, the form the configuration takes. */
        public String privateKeyBase64() {
            return Base64.getEncoder().encodeToString(privateKey.getEncoded());
        }
    }

    /** A public key with its id. */
    public record PublicKeyInfo(PublicKey key, String keyId) {

        public boolean verifies(byte[] data, byte[] signatureBytes) {
            try {
                Signature signature = Signature.getInstance(ALGORITHM);
                signature.initVerify(key);
                signature.update(data);
                return signature.verify(signatureBytes);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(key.getEncoded());
        }

        public String pem() {
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        }
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), info(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15 or later has Ed25519", e);
        }
    }

    /**
     * The key pair of a base64 (or PEM) PKCS#8 Ed25519 private key and its base64 (or PEM) X.509 public key. The
     * JDK cannot derive one from the other, so both are given, and a signature made with the one must verify with
     * the other.
     */
    public static SigningKey pair(String privateEncoded, String publicEncoded) {
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(
                    new PKCS8EncodedKeySpec(decode(privateEncoded)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key", e);
        }
        SigningKey key = new SigningKey(privateKey, publicKey(publicEncoded));
        byte[] probe = "dispute-ledger key check".getBytes(StandardCharsets.UTF_8);
        if (!key.publicKey().verifies(probe, key.sign(probe))) {
            throw new IllegalArgumentException("the public key is not the private key's");
        }
        return key;
    }

    /** A base64 (or PEM) X.509 Ed25519 public key. */
    public static PublicKeyInfo publicKey(String encoded) {
        try {
            return info(KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(encoded))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key", e);
        }
    }

    static PublicKeyInfo info(PublicKey key) {
        return new PublicKeyInfo(key, MerkleHash.hex(Arrays.copyOf(sha256(key.getEncoded()), 8)));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String encoded) {
        String body = encoded.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}

package org.reachpbx.directory.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest of the secrets the server must be able to use again (a webhook's signing
 * secret, a contact pull's Authorization value), unlike passwords and PINs, which are only hashed.
 * AES-GCM with a random 96-bit nonce per value; the stored form is {@value #PREFIX} followed by
 * Base64 of nonce, ciphertext and tag. A value without the prefix is a plaintext value stored before
 * encryption existed and is returned as it is.
 */
public final class SecretCipher {

    public static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 16, 24 or 32 bytes in Base64 ({@code pbx.security.secret-key}) */
    public SecretCipher(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("pbx.security.secret-key is not set: give the server a key to encrypt"
                    + " stored secrets with, e.g. PBX_SECRET_KEY=$(head -c 32 /dev/urandom | base64)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pbx.security.secret-key is not Base64: " + e.getMessage());
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("pbx.security.secret-key must be 16, 24 or 32 bytes in Base64 (AES),"
                    + " not " + bytes.length + " bytes; e.g. PBX_SECRET_KEY=$(head -c 32 /dev/urandom | base64)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    /** The plain value; a value stored before encryption (no prefix) as it is. */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt a stored secret: pbx.security.secret-key is not the key"
                    + " it was encrypted with, or the value was changed", e);
        }
    }
}

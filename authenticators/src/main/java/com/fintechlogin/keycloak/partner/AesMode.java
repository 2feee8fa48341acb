package com.fintechlogin.keycloak.partner;

import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/** The AES-256 mode a request uses, chosen by the length of its IV. */
public enum AesMode {

    /** AES-256-GCM, 12-byte IV, the 16-byte tag appended to the ciphertext, no additional data. The default. */
    GCM(12, "AES/GCM/NoPadding"),
    /** AES-256-CBC, 16-byte IV, PKCS#7 padding; only where the realm allows it. */
    CBC(16, "AES/CBC/PKCS5Padding");

    static final int GCM_TAG_BYTES = 16;
    static final int BLOCK_BYTES = 16;

    private final int ivBytes;
    private final String transformation;

    AesMode(int ivBytes, String transformation) {
        this.ivBytes = ivBytes;
        this.transformation = transformation;
    }

    /** The mode an IV of {@code length} bytes selects, or {@code null} when it selects none. */
    public static AesMode forIvLength(int length) {
        for (AesMode mode : values()) {
            if (mode.ivBytes == length) {
                return mode;
            }
        }
        return null;
    }

    public int ivBytes() {
        return ivBytes;
    }

    /** The JCA transformation; Java's {@code PKCS5Padding} is PKCS#7 on 16-byte blocks. */
    String transformation() {
        return transformation;
    }

    AlgorithmParameterSpec parameters(byte[] iv) {
        return this == GCM ? new GCMParameterSpec(GCM_TAG_BYTES * 8, iv) : new IvParameterSpec(iv);
    }

    /** Whether a ciphertext of {@code length} bytes can be one of this mode (checked before decrypting). */
    boolean isPossibleCiphertextLength(int length) {
        return this == GCM ? length >= GCM_TAG_BYTES : length > 0 && length % BLOCK_BYTES == 0;
    }
}

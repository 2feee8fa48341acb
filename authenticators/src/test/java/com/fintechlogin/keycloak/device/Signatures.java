package com.fintechlogin.keycloak.device;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/** ECDSA signatures taken apart as an attacker would: (r, s) and (r, n − s) both verify. */
final class Signatures {

    private static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private Signatures() {
    }

    /** The DER signature (r, n − s) for the DER signature (r, s) over P-256. */
    static byte[] negateS(byte[] der) {
        int offset = 2;
        int rLength = der[offset + 1];
        byte[] r = Arrays.copyOfRange(der, offset + 2, offset + 2 + rLength);
        offset += 2 + rLength;
        int sLength = der[offset + 1];
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, offset + 2, offset + 2 + sLength));
        return encode(new BigInteger(r), N.subtract(s));
    }

    static byte[] encode(BigInteger r, BigInteger s) {
        byte[] rBytes = r.toByteArray();
        byte[] sBytes = s.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(4 + rBytes.length + sBytes.length);
        out.write(0x02);
        out.write(rBytes.length);
        out.writeBytes(rBytes);
        out.write(0x02);
        out.write(sBytes.length);
        out.writeBytes(sBytes);
        return out.toByteArray();
    }
}

package org.reachpbx.directory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/**
 * What SIP digest authentication (RFC 7616) needs of a channel password: HA1 = H(user:realm:password)
 * for MD5 and SHA-256. The password itself is not stored; HA1 depends on the realm (the tenant's SIP
 * domain), so changing the domain needs new passwords.
 */
@Embeddable
@Getter
@Setter
@NoArgsConstructor
public class SipPasswordHash {

    @Pattern(regexp = "[0-9a-f]{32}", message = "must be 32 lowercase hex digits (MD5 HA1)")
    @Column(name = "ha1_md5", length = 32)
    private String md5;

    @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex digits (SHA-256 HA1)")
    @Column(name = "ha1_sha256", length = 64)
    private String sha256;

    public static SipPasswordHash of(String username, String realm, String password) {
        SipPasswordHash hash = new SipPasswordHash();
        String a1 = username + ":" + realm + ":" + password;
        hash.md5 = hex("MD5", a1);
        hash.sha256 = hex("SHA-256", a1);
        return hash;
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm)
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every Java runtime", e);
        }
    }
}

package org.reachpbx.integrations.crm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a CRM checks to trust a webhook: {@code sha256=<hex HMAC-SHA256 of the raw body,
 * keyed with the endpoint's secret>}, in header {@value #HEADER}.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-ReachPBX-Signature";
    public static final String IDEMPOTENCY_HEADER = "X-ReachPBX-Idempotency-Key";
    public static final String EVENT_HEADER = "X-ReachPBX-Event";

    private WebhookSignature() {
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

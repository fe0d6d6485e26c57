package dev.incidentloop.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery as receivers verify it: HMAC-SHA256, keyed with the subscription's secret, over the timestamp
 * (Unix seconds, as sent in {@value #TIMESTAMP}), a dot, and the exact body bytes; sent hex-encoded as
 * {@code sha256=<hex>} in {@value #SIGNATURE}.
 */
public final class WebhookSigner {

    public static final String SIGNATURE = "X-Incidentloop-Signature";
    public static final String TIMESTAMP = "X-Incidentloop-Timestamp";
    public static final String DELIVERY = "X-Incidentloop-Delivery";
    public static final String EVENT_TYPE = "X-Incidentloop-Event";

    private WebhookSigner() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}

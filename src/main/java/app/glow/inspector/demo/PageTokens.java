package app.glow.inspector.demo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque page tokens: the scan position and the filter they belong to, signed with a key that
 * lives as long as the server. A forged, altered or stale token fails verification.
 */
final class PageTokens {
    record Position(int next, String query, String after, String before) {
    }

    private final byte[] key;

    PageTokens(byte[] key) {
        this.key = key.clone();
    }

    String encode(Position p) {
        String payload = "v1\u001f" + p.next() + "\u001f" + nz(p.query()) + "\u001f" + nz(p.after()) + "\u001f"
                + nz(p.before());
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(bytes) + "." + b64.encodeToString(sign(bytes));
    }

    Optional<Position> decode(String token) {
        try {
            int dot = token.indexOf('.');
            if (dot <= 0) {
                return Optional.empty();
            }
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(sig, sign(bytes))) {
                return Optional.empty();
            }
            String[] f = new String(bytes, StandardCharsets.UTF_8).split("\u001f", -1);
            if (f.length != 5 || !f[0].equals("v1")) {
                return Optional.empty();
            }
            return Optional.of(new Position(Integer.parseInt(f[1]), en(f[2]), en(f[3]), en(f[4])));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    static boolean sameFilter(Position p, String query, String after, String before) {
        return Objects.equals(p.query(), query) && Objects.equals(p.after(), after)
                && Objects.equals(p.before(), before);
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String en(String s) {
        return s.isEmpty() ? null : s;
    }
}

package app.glow.inspector.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;

/** The page tokens seen while following pages, as SHA-256 digests: 32 bytes each, however long a token. */
final class PageTokens {
    private final Set<ByteBuffer> seen = new HashSet<>();

    /** True the first time a token is offered, false when it comes again. */
    boolean firstTime(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return seen.add(ByteBuffer.wrap(d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

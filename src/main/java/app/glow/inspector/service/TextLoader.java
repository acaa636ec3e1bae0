package app.glow.inspector.service;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.SourceException;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.model.MediaKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Message text from {@code text_download}: only the first {@link #PREVIEW_BYTES} of each upload
 * (a 1 MB paste never reaches the list whole), cached by upload id within a byte budget.
 */
public final class TextLoader {
    public static final int PREVIEW_BYTES = 32 * 1024;
    private static final long CACHE_BYTES = 16L * 1024 * 1024;

    /** The start of a text; {@code complete} when it is all of it. */
    public record Preview(String text, long totalBytes, boolean complete) {
    }

    private final GroupSource source;
    private final Map<String, Preview> cache = new LinkedHashMap<>(256, 0.75f, true);
    private long cachedBytes;

    public TextLoader(GroupSource source) {
        this.source = source;
    }

    public synchronized Preview cached(String uploadId) {
        return cache.get(uploadId);
    }

    public Preview preview(String uploadId, Cancellation c) throws SourceException {
        Preview hit = cached(uploadId);
        if (hit != null) {
            return hit;
        }
        Preview p;
        try (MediaStream s = source.openUpload(MediaKind.TEXT, uploadId, ByteRange.of(0, PREVIEW_BYTES - 1), c)) {
            byte[] bytes = readAtMost(s.body(), PREVIEW_BYTES);
            long total = s.totalSize() >= 0 ? s.totalSize() : bytes.length;
            boolean complete = bytes.length >= total;
            p = new Preview(decode(bytes, !complete), total, complete);
        } catch (SourceException e) {
            if (e.reason() == SourceException.Reason.RANGE_NOT_SATISFIABLE) {
                p = new Preview("", 0, true); // an empty upload
            } else {
                throw e;
            }
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.UNAVAILABLE,
                    "The text could not be read: " + e.getMessage(), e);
        }
        put(uploadId, p);
        return p;
    }

    private synchronized void put(String id, Preview p) {
        Preview old = cache.put(id, p);
        cachedBytes += p.text().length() * 2L - (old == null ? 0 : old.text().length() * 2L);
        var it = cache.entrySet().iterator();
        while (cachedBytes > CACHE_BYTES && it.hasNext()) {
            var e = it.next();
            cachedBytes -= e.getValue().text().length() * 2L;
            it.remove();
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buf = new byte[8192];
        int n;
        while (out.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - out.size()))) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** UTF-8, dropping a character cut in half at the end of a preview. */
    static String decode(byte[] bytes, boolean truncated) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        d.decode(in, out, !truncated);
        if (!truncated) {
            d.flush(out);
        }
        out.flip();
        return out.toString();
    }
}

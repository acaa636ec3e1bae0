package app.glow.inspector.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * Reads JSON answers under a byte cap that counts the bytes as they arrive, so a chunked body
 * with no Content-Length (endless, or a gigabyte of whitespace) is refused at the cap instead of
 * filling the heap; and checks that an answer is one complete JSON value, so a truncated page or
 * an HTML page with status 200 is an error, never a success.
 */
final class JsonBodies {
    private static final int HEAD_BYTES = 16 * 1024;

    private JsonBodies() {
    }

    /** Thrown by the counting stream past the cap; not retryable (the server would send it again). */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long cap) {
            super("The answer is larger than " + mb(cap) + ", more than this client reads as JSON (raise it with -D"
                    + HttpLimits.MAX_JSON_PROPERTY + "=BYTES).");
        }
    }

    /** Counts bytes, fails past the cap, and keeps the first few KB for an error's excerpt. */
    static final class Capped extends FilterInputStream {
        private final long cap;
        private final Buffer head = new Buffer();
        private final Buffer copy;
        private long count;

        /** @param copy receives every byte read, or null */
        Capped(InputStream in, long cap, Buffer copy) {
            super(in);
            this.cap = cap;
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > cap) {
                    throw new TooLarge(cap);
                }
                if (head.size() < HEAD_BYTES) {
                    head.write(b, off, (int) Math.min(n, HEAD_BYTES - head.size()));
                }
                if (copy != null) {
                    copy.write(b, off, n);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // every byte must pass read(), or the cap could be walked around
            byte[] buf = new byte[(int) Math.min(8192, Math.max(n, 1))];
            int r = read(buf, 0, (int) Math.min(buf.length, n));
            return Math.max(r, 0);
        }

        byte[] head() {
            return head.snapshot().toByteArray();
        }
    }

    /** Refuses at once an answer whose declared length is past the cap. */
    static void checkDeclaredLength(ResponseBody body, long cap) throws TooLarge {
        if (body.contentLength() > cap) {
            throw new TooLarge(cap);
        }
    }

    /**
     * The body's bytes, exactly as sent, after checking (while they are read) that they hold one
     * complete JSON value and nothing after it but whitespace.
     *
     * @throws JsonProcessingException when the body is not complete JSON
     */
    static byte[] readComplete(ResponseBody body, long cap, ObjectMapper mapper) throws IOException {
        checkDeclaredLength(body, cap);
        Buffer all = new Buffer();
        try (Capped in = new Capped(body.byteStream(), cap, all);
             JsonParser p = mapper.getFactory().createParser(in)) {
            if (p.nextToken() == null) {
                throw new IncompleteJson("the answer is empty", in.head());
            }
            p.skipChildren();
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new IncompleteJson("more follows the JSON value (" + after + ")", in.head());
            }
        } catch (JsonProcessingException e) {
            throw new IncompleteJson(e.getOriginalMessage(), all.size() > HEAD_BYTES
                    ? all.snapshot().substring(0, HEAD_BYTES).toByteArray() : all.snapshot().toByteArray());
        }
        return all.readByteArray();
    }

    /**
     * Hands the capped body to {@code reader} as a streaming parser (no copy of the body is held),
     * then checks that nothing but whitespace follows the value it read.
     */
    static <T> T readStreamed(ResponseBody body, long cap, ObjectMapper mapper, JsonStreamReader<T> reader)
            throws IOException {
        checkDeclaredLength(body, cap);
        try (Capped in = new Capped(body.byteStream(), cap, null);
             JsonParser p = mapper.getFactory().createParser(in)) {
            try {
                if (p.nextToken() == null) {
                    throw new IncompleteJson("the answer is empty", in.head());
                }
                T value = reader.read(p);
                JsonToken after = p.nextToken();
                if (after != null) {
                    throw new IncompleteJson("more follows the JSON value (" + after + ")", in.head());
                }
                return value;
            } catch (JsonProcessingException e) {
                throw new IncompleteJson(e.getOriginalMessage(), in.head());
            }
        }
    }

    /** One value of {@code type}, read from the capped stream (no copy of the body is held). */
    static <T> T read(ResponseBody body, long cap, ObjectMapper mapper, Class<T> type) throws IOException {
        checkDeclaredLength(body, cap);
        try (Capped in = new Capped(body.byteStream(), cap, null)) {
            try {
                return mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(in);
            } catch (JsonProcessingException e) {
                throw new IncompleteJson(e.getOriginalMessage(), in.head());
            }
        }
    }

    /** The body is not (complete) JSON; carries the first bytes for an excerpt. */
    static final class IncompleteJson extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient byte[] head;

        IncompleteJson(String why, byte[] head) {
            super(why);
            this.head = head;
        }

        byte[] head() {
            return head;
        }
    }

    private static String mb(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}

package app.glow.inspector.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Bounds what the event-stream reader may hold: OkHttp's reader keeps a whole line (and a whole
 * event's data) in memory, so one endless line would fill the heap on the dispatcher's thread.
 * This interceptor counts, on the wire, the bytes since the last line break and since the last
 * blank line, and fails the stream past either cap; the watch then reconnects.
 */
final class SseGuard implements Interceptor {
    private final long maxLine;
    private final long maxEvent;

    SseGuard(long maxLine, long maxEvent) {
        this.maxLine = maxLine;
        this.maxEvent = maxEvent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response r = chain.proceed(chain.request());
        ResponseBody body = r.body();
        if (!r.isSuccessful()) {
            return r;
        }
        Source guarded = new Guarded(body.source(), maxLine, maxEvent);
        return r.newBuilder()
                .body(ResponseBody.create(Okio.buffer(guarded), body.contentType(), body.contentLength()))
                .build();
    }

    /** Thrown past a cap; the message says which and how to raise it. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong(String what, long cap, String property) {
            super("the event stream sent " + what + " longer than " + (cap >> 10) + " KB (limit -D" + property
                    + ")");
        }
    }

    private static final class Guarded extends ForwardingSource {
        private final long maxLine;
        private final long maxEvent;
        private final Buffer scratch = new Buffer();
        private long line;
        private long event;
        private boolean lastWasCr;
        private boolean lineEmpty = true;

        Guarded(Source delegate, long maxLine, long maxEvent) {
            super(delegate);
            this.maxLine = maxLine;
            this.maxEvent = maxEvent;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long n = super.read(scratch, Math.min(byteCount, 64 * 1024));
            if (n <= 0) {
                return n;
            }
            byte[] bytes = scratch.readByteArray();
            for (byte b : bytes) {
                account(b);
            }
            sink.write(bytes);
            return n;
        }

        /** Line ends are CR, LF or CRLF; a blank line ends an event. */
        private void account(byte b) throws TooLong {
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                return; // the LF of a CRLF: the line already ended at the CR
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                if (lineEmpty) {
                    event = 0;
                }
                line = 0;
                lineEmpty = true;
                return;
            }
            lineEmpty = false;
            if (++line > maxLine) {
                throw new TooLong("a line", maxLine, HttpLimits.MAX_SSE_LINE_PROPERTY);
            }
            if (++event > maxEvent) {
                throw new TooLong("an event", maxEvent, HttpLimits.MAX_SSE_EVENT_PROPERTY);
            }
        }
    }
}

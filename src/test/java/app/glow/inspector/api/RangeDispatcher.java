package app.glow.inspector.api;

import app.glow.inspector.source.ByteRange;

import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;

/**
 * Serves one upload with RFC 9110 ranges, and can misbehave on purpose: drop the first few
 * responses mid-body, change its ETag after the first response, or ignore Range.
 */
final class RangeDispatcher extends Dispatcher {
    final byte[] content;
    final AtomicInteger dropsLeft = new AtomicInteger();
    volatile boolean changeEtagAfterFirst;
    volatile boolean ignoreRange;
    final AtomicInteger served = new AtomicInteger();

    RangeDispatcher(byte[] content) {
        this.content = content;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        int n = served.incrementAndGet();
        String etag = changeEtagAfterFirst && n > 1 ? "\"v2\"" : "\"v1\"";
        String range = request.getHeaders().get("Range");
        long start = 0;
        long end = content.length - 1;
        int code = 200;
        if (range != null && !ignoreRange) {
            ByteRange r = ByteRange.parse(range);
            if (r.start() == null) {
                start = Math.max(0, content.length - r.end());
            } else {
                start = r.start();
                if (r.end() != null) {
                    end = Math.min(r.end(), content.length - 1);
                }
            }
            if (start >= content.length) {
                return new MockResponse.Builder().code(416).addHeader("Content-Range", "bytes */" + content.length)
                        .body("{\"error\": {\"code\": \"range_not_satisfiable\", \"message\": \"bad range\"}}").build();
            }
            code = 206;
        }
        Buffer body = new Buffer().write(content, (int) start, (int) (end - start + 1));
        MockResponse.Builder b = new MockResponse.Builder().code(code)
                .addHeader("Content-Type", "application/octet-stream").addHeader("ETag", etag)
                .addHeader("Accept-Ranges", "bytes")
                .addHeader("Content-Disposition", "attachment; filename=\"../notes \\\"final\\\".txt\"")
                .body(body);
        if (code == 206) {
            b.addHeader("Content-Range", "bytes " + start + "-" + end + "/" + content.length);
        }
        if (dropsLeft.getAndDecrement() > 0) {
            b.onResponseBody(new SocketEffect.CloseSocket());
        }
        return b.build();
    }
}

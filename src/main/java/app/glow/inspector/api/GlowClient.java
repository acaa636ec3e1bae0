package app.glow.inspector.api;

import app.glow.inspector.source.MediaStream;

import app.glow.inspector.source.ByteRange;

import app.glow.inspector.source.Cancellation;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Glow system API over HTTP: every endpoint of the contract. One instance per connection;
 * the {@link OkHttpClient} and {@link ObjectMapper} are shared and injected. Every method takes a
 * {@link Cancellation}; reads are retried per the {@link RetryPolicy}.
 */
public final class GlowClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** JSON answers larger than this are refused rather than held in memory. */
    private static final long MAX_JSON_BYTES = 256L * 1024 * 1024;
    private static final int MAX_RESUMES = 8;

    private final GlowConnection connection;
    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final RetryPolicy retry;

    public GlowClient(GlowConnection connection, OkHttpClient http, ObjectMapper mapper, RetryPolicy retry) {
        this.connection = Objects.requireNonNull(connection);
        this.http = Objects.requireNonNull(http);
        this.mapper = Objects.requireNonNull(mapper);
        this.retry = Objects.requireNonNull(retry);
    }

    public GlowConnection connection() {
        return connection;
    }

    OkHttpClient http() {
        return http;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    // ---- JSON endpoints -------------------------------------------------------------------

    /** Lean resolve: identity only. An unknown id gives {@code groupExists() == false}. */
    public GroupIdentity resolveGroup(String groupId, Cancellation c) throws GlowApiException {
        return postJson("/system/group", new Requests.GroupRequest(groupId, null, null, null), GroupIdentity.class, c);
    }

    /**
     * The detail tree with one window of messages.
     *
     * @param offset window start, null for the server default (0)
     * @param limit  window size, null for "all" (a server may cap it)
     */
    public GroupDetail groupDetail(String groupId, Integer offset, Integer limit, Cancellation c)
            throws GlowApiException {
        return postJson("/system/group", new Requests.GroupRequest(groupId, true, limit, offset), GroupDetail.class, c);
    }

    public GroupsPage groups(GroupsQuery query, Cancellation c) throws GlowApiException {
        return postJson("/system/groups", query, GroupsPage.class, c);
    }

    /** Asks the server to drop its caches, for all groups ({@code groupId} null) or one. */
    public boolean refresh(String groupId, Cancellation c) throws GlowApiException {
        JsonNode node = postJson("/system/refresh", new Requests.GroupScope(groupId), JsonNode.class, c);
        return node.path("refreshed").asBoolean(false);
    }

    /**
     * Posts a JSON body as given and returns the answer's bytes exactly as the server sent them
     * (the CLI prints these). Errors and retries as for every read.
     */
    public byte[] postRaw(String path, byte[] jsonBody, Cancellation c) throws GlowApiException {
        return withRetry(c, () -> {
            try (Exchange ex = open(path, RequestBody.create(jsonBody, JSON), null, c)) {
                return readBounded(ex);
            }
        });
    }

    private <T> T postJson(String path, Object body, Class<T> type, Cancellation c) throws GlowApiException {
        byte[] json = encode(body);
        return withRetry(c, () -> {
            byte[] bytes;
            try (Exchange ex = open(path, RequestBody.create(json, JSON), null, c)) {
                bytes = readBounded(ex);
            }
            try {
                T value = mapper.readValue(bytes, type);
                if (value == null) {
                    throw GlowApiException.malformed("The server sent an empty answer to " + path + ".", "", null);
                }
                return value;
            } catch (JsonProcessingException e) {
                throw GlowApiException.malformed("The server's answer to " + path + " is not valid JSON for the "
                        + "contract (" + e.getOriginalMessage() + ").", ErrorBodies.excerpt(bytes), e);
            } catch (IOException e) {
                throw GlowApiException.malformed("The server's answer to " + path + " could not be read ("
                        + e.getMessage() + ").", ErrorBodies.excerpt(bytes), e);
            }
        });
    }

    private byte[] encode(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode request body", e);
        }
    }

    private byte[] readBounded(Exchange ex) throws GlowApiException {
        ResponseBody body = ex.response.body();
        long len = body.contentLength();
        if (len > MAX_JSON_BYTES) {
            throw GlowApiException.malformed("The answer is " + len + " bytes, more than this client reads as JSON.",
                    null, null);
        }
        try {
            return body.bytes();
        } catch (IOException e) {
            throw translate(e, ex.cancellation, "reading the answer");
        }
    }

    // ---- Downloads -------------------------------------------------------------------------

    /**
     * Opens a download as a stream (no resume): the caller reads and closes it. A range is sent
     * as {@code Range}; a 416 becomes a {@link GlowApiException} with status 416.
     */
    public MediaStream openDownload(MediaKind kind, String uploadId, ByteRange range, Cancellation c)
            throws GlowApiException {
        byte[] body = encode(Map.of(kind.idField(), uploadId));
        return withRetry(c, () -> {
            Exchange ex = open(kind.downloadPath(), RequestBody.create(body, JSON),
                    range == null ? null : range.headerValue(), c);
            return toMediaStream(ex);
        });
    }

    private static MediaStream toMediaStream(Exchange ex) {
        Response r = ex.response;
        ResponseBody body = r.body();
        long length = body.contentLength();
        long first = 0;
        long total = r.code() == 200 ? length : -1;
        if (r.code() == 206) {
            long[] cr = HttpHeaders.contentRange(r.header("Content-Range"));
            if (cr != null) {
                first = cr[0];
                total = cr[2];
                if (length < 0) {
                    length = cr[1] - cr[0] + 1;
                }
            }
        }
        MediaType mt = body.contentType();
        return new MediaStream(r.code(), mt == null ? r.header("Content-Type") : mt.toString(), length, first, total,
                r.header("ETag"), HttpHeaders.fileName(r.header("Content-Disposition")),
                "bytes".equalsIgnoreCase(r.header("Accept-Ranges")), body.byteStream(), ex);
    }

    /**
     * Downloads to {@code out}, streaming. A dropped connection is resumed from the byte reached,
     * provided the server still sends the same {@code ETag}; the result is checked against the
     * declared length, so a flaky network never yields a short file that looks complete.
     */
    public DownloadResult download(MediaKind kind, String uploadId, ByteRange range, OutputStream out,
                                   Cancellation c) throws GlowApiException {
        long written = 0;
        long firstByte = -1;
        long expected = -1;
        long total = -1;
        String etag = null;
        String contentType = null;
        String fileName = null;
        int resumes = 0;
        while (true) {
            ByteRange ask = written == 0 ? range : resumeRange(range, firstByte + written);
            boolean streaming = false;
            long[] copied = {0};
            try (MediaStream s = openDownload(kind, uploadId, ask, c)) {
                long skip = 0;
                if (written == 0) {
                    firstByte = s.firstByte();
                    etag = s.etag();
                    contentType = s.contentType();
                    fileName = s.fileName();
                    total = s.totalSize();
                    expected = s.contentLength();
                } else {
                    if (etag != null && s.etag() != null && !etag.equals(s.etag())) {
                        throw GlowApiException.integrity("The upload " + uploadId + " changed on the server while "
                                + "it was downloading (ETag " + etag + " became " + s.etag() + ").");
                    }
                    if (!s.isPartial()) {
                        skip = firstByte + written; // the server ignored Range: skip what we have
                    } else if (s.firstByte() != firstByte + written) {
                        throw GlowApiException.integrity("The server resumed " + uploadId + " at byte "
                                + s.firstByte() + " instead of " + (firstByte + written) + ".");
                    }
                }
                streaming = true;
                long limit = expected >= 0 ? expected - written : Long.MAX_VALUE;
                copy(s.body(), out, skip, limit, c, copied);
                written += copied[0];
                copied[0] = 0;
                if (expected >= 0 && written < expected) {
                    throw GlowApiException.connection("The connection ended after " + written + " of " + expected
                            + " bytes.", null);
                }
                return new DownloadResult(contentType, etag, fileName, Math.max(firstByte, 0), written, total,
                        resumes);
            } catch (GlowApiException e) {
                written += copied[0];
                boolean resumable = streaming && e.isRetryable() && resumes < MAX_RESUMES;
                if (!resumable) {
                    throw e;
                }
                resumes++;
                pause(c, retry.backoffMillis(resumes, null));
            }
        }
    }

    private static ByteRange resumeRange(ByteRange original, long nextByte) {
        Long end = original == null || original.start() == null ? null : original.end();
        return new ByteRange(nextByte, end);
    }

    /**
     * Copies up to {@code limit} bytes after skipping {@code skip}; {@code count[0]} follows the
     * bytes written, so a caller knows where a dropped copy stopped.
     */
    private long copy(InputStream in, OutputStream out, long skip, long limit, Cancellation c, long[] count)
            throws GlowApiException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        try {
            while (skip > 0) {
                long k = in.skip(skip);
                if (k <= 0) {
                    if (in.read() < 0) {
                        throw GlowApiException.connection("The connection ended while skipping to the resume point.",
                                null);
                    }
                    k = 1;
                }
                skip -= k;
            }
            while (n < limit) {
                int want = (int) Math.min(buf.length, limit - n);
                int r = in.read(buf, 0, want);
                if (r < 0) {
                    break;
                }
                try {
                    out.write(buf, 0, r);
                } catch (IOException writeFailed) {
                    // The destination failed: not a network problem, never resumed.
                    throw new GlowApiException(GlowApiException.Kind.INTEGRITY, 0, "write_failed",
                            "Could not write the download: " + writeFailed.getMessage(), null, null, writeFailed);
                }
                n += r;
                count[0] = n;
            }
            return n;
        } catch (GlowApiException e) {
            throw e;
        } catch (IOException e) {
            throw translate(e, c, "downloading");
        }
    }

    // ---- Export and watch ------------------------------------------------------------------

    /** Opens {@code /system/export} for one group; the ZIP streams from the returned body. */
    public MediaStream openExport(String groupId, Cancellation c) throws GlowApiException {
        byte[] body = encode(new Requests.ExportRequest(groupId));
        return withRetry(c, () -> toMediaStream(open("/system/export", RequestBody.create(body, JSON), null, c)));
    }

    /** Streams one group's export ZIP to {@code out}; returns the bytes written. */
    public long export(String groupId, OutputStream out, Cancellation c) throws GlowApiException {
        try (MediaStream s = openExport(groupId, c)) {
            return copy(s.body(), out, 0, Long.MAX_VALUE, c, new long[1]);
        }
    }

    /**
     * Follows live generation events, reconnecting with {@code Last-Event-ID} after a drop.
     *
     * @param groupId     one group, or null for all
     * @param lastEventId resume after this event, or null
     */
    public GenerationWatch watch(String groupId, String lastEventId, GenerationWatch.Listener listener,
                                 GenerationWatch.Settings settings) {
        GenerationWatch w = new GenerationWatch(this, groupId, lastEventId, listener, settings);
        w.start();
        return w;
    }

    Request watchRequest(String groupId, String lastEventId) {
        Request.Builder b = new Request.Builder()
                .url(connection.endpoint("/system/watch"))
                .header("Authorization", connection.authorizationHeader())
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(encode(new Requests.GroupScope(groupId)), JSON));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return b.build();
    }

    // ---- Plumbing ----------------------------------------------------------------------------

    /** A response with a 2xx status and its cancel registration; closing releases both. */
    private static final class Exchange implements java.io.Closeable {
        final Response response;
        final Cancellation cancellation;
        final Cancellation.Registration registration;

        Exchange(Response response, Cancellation cancellation, Cancellation.Registration registration) {
            this.response = response;
            this.cancellation = cancellation;
            this.registration = registration;
        }

        @Override
        public void close() {
            registration.close();
            response.close();
        }
    }

    private Exchange open(String path, RequestBody body, String rangeHeader, Cancellation c) throws GlowApiException {
        checkCancelled(c);
        Request.Builder rb = new Request.Builder()
                .url(connection.endpoint(path))
                .header("Authorization", connection.authorizationHeader())
                .post(body);
        if (rangeHeader != null) {
            rb.header("Range", rangeHeader);
        }
        Call call = http.newCall(rb.build());
        Cancellation.Registration reg = c.onCancel(call::cancel);
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            reg.close();
            throw translate(e, c, "connecting to " + connection.baseUrl().host());
        }
        if (!response.isSuccessful()) {
            try (response) {
                throw ErrorBodies.toException(response, connection);
            } finally {
                reg.close();
            }
        }
        return new Exchange(response, c, reg);
    }

    private GlowApiException translate(IOException e, Cancellation c, String doing) {
        if (e instanceof GlowApiException g) {
            return g;
        }
        if (c.isCancelled()) {
            return GlowApiException.cancelled();
        }
        String what = e instanceof InterruptedIOException ? "timed out" : "failed";
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return GlowApiException.connection("The connection " + what + " while " + doing + ": "
                + connection.redact(detail), e);
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws GlowApiException;
    }

    private <T> T withRetry(Cancellation c, Attempt<T> attempt) throws GlowApiException {
        long deadline = System.nanoTime() + retry.maxTotal().toNanos();
        for (int n = 1; ; n++) {
            checkCancelled(c);
            try {
                return attempt.run();
            } catch (GlowApiException e) {
                if (!e.isRetryable() || n >= retry.maxAttempts() || c.isCancelled()) {
                    throw e;
                }
                long wait = retry.backoffMillis(n, e.retryAfter());
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (wait > left) {
                    throw e; // the server asks for more patience than this call has
                }
                pause(c, wait);
            }
        }
    }


    private static void checkCancelled(Cancellation c) throws GlowApiException {
        if (c.isCancelled()) {
            throw GlowApiException.cancelled();
        }
    }

    /** Waits before a retry; a cancel ends the wait and the call at once. */
    private static void pause(Cancellation c, long millis) throws GlowApiException {
        if (!c.sleep(millis)) {
            throw GlowApiException.cancelled();
        }
    }
}

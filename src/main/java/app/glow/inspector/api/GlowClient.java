package app.glow.inspector.api;

import app.glow.inspector.source.MediaStream;

import app.glow.inspector.source.ByteRange;

import app.glow.inspector.source.Cancellation;

import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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

    private final GlowConnection connection;
    /** Every bounded call: JSON, downloads to a file, exports (with the overall deadline). */
    private final OkHttpClient http;
    /** Media handed out as streams, which may rightly last hours (playback): no overall deadline. */
    private final OkHttpClient streamHttp;
    private final ObjectMapper mapper;
    private final RetryPolicy retry;
    private final HttpLimits limits;

    /** With the limits of the system properties (see {@link HttpLimits}). */
    public GlowClient(GlowConnection connection, OkHttpClient http, ObjectMapper mapper, RetryPolicy retry) {
        this(connection, http, mapper, retry, HttpLimits.fromSystemProperties());
    }

    /** @param limits the JSON and event-stream caps; the deadline is {@code http}'s call timeout */
    public GlowClient(GlowConnection connection, OkHttpClient http, ObjectMapper mapper, RetryPolicy retry,
                      HttpLimits limits) {
        this.connection = Objects.requireNonNull(connection);
        this.http = Objects.requireNonNull(http);
        this.streamHttp = GlowHttp.forLongStreams(http);
        this.mapper = Objects.requireNonNull(mapper);
        this.retry = Objects.requireNonNull(retry);
        this.limits = Objects.requireNonNull(limits);
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

    HttpLimits limits() {
        return limits;
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
     * (the CLI prints these), once they are known to be one complete JSON value: a truncated or
     * non-JSON answer is an error. Errors and retries as for every read.
     */
    public byte[] postRaw(String path, byte[] jsonBody, Cancellation c) throws GlowApiException {
        return withRetry(c, () -> {
            try (Exchange ex = open(path, RequestBody.create(jsonBody, JSON), null, c, http)) {
                return JsonBodies.readComplete(ex.response.body(), limits.maxJsonBytes(), mapper);
            } catch (IOException e) {
                throw readFailure(e, path, c);
            }
        });
    }

    /**
     * Posts a JSON body and hands the answer, as it arrives, to {@code reader}: for answers passed
     * on token by token (the CLI's pages) rather than held whole. Limits, errors and retries as
     * for {@link #postRaw}; a retry calls the reader again from the start.
     */
    public <T> T postStreamed(String path, byte[] jsonBody, Cancellation c, JsonStreamReader<T> reader)
            throws GlowApiException {
        return withRetry(c, () -> {
            try (Exchange ex = open(path, RequestBody.create(jsonBody, JSON), null, c, http)) {
                return JsonBodies.readStreamed(ex.response.body(), limits.maxJsonBytes(), mapper, reader);
            } catch (IOException e) {
                throw readFailure(e, path, c);
            }
        });
    }

    private <T> T postJson(String path, Object body, Class<T> type, Cancellation c) throws GlowApiException {
        byte[] json = encode(body);
        return withRetry(c, () -> {
            T value;
            try (Exchange ex = open(path, RequestBody.create(json, JSON), null, c, http)) {
                value = JsonBodies.read(ex.response.body(), limits.maxJsonBytes(), mapper, type);
            } catch (IOException e) {
                throw readFailure(e, path, c);
            }
            if (value == null) {
                throw GlowApiException.malformed("The server sent an empty answer to " + path + ".", "", null);
            }
            return value;
        });
    }

    /** A failure while reading a JSON answer: too large, not JSON, or the connection. */
    private GlowApiException readFailure(IOException e, String path, Cancellation c) {
        if (e instanceof JsonBodies.TooLarge) {
            return GlowApiException.malformed("The server's answer to " + path + " was refused: " + e.getMessage(),
                    null, e);
        }
        if (e instanceof JsonBodies.IncompleteJson bad) {
            return GlowApiException.malformed("The server's answer to " + path + " is not complete JSON for the "
                    + "contract (" + bad.getMessage() + ").", ErrorBodies.excerpt(bad.head(), connection::redact), e);
        }
        return translate(e, c, "reading the answer");
    }

    private byte[] encode(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode request body", e);
        }
    }

    // ---- Downloads -------------------------------------------------------------------------

    /**
     * Opens a download as a stream (no resume): the caller reads and closes it, at its own pace
     * (a player may pause for an hour), so no overall deadline applies; stalls are still bounded
     * by the read timeout. A range is sent as {@code Range}; a 416 becomes a
     * {@link GlowApiException} with status 416.
     */
    public MediaStream openDownload(MediaKind kind, String uploadId, ByteRange range, Cancellation c)
            throws GlowApiException {
        return openDownload(kind, uploadId, range, c, false);
    }

    /** @param bounded under the overall deadline (a download to a file), or not (a stream handed out) */
    MediaStream openDownload(MediaKind kind, String uploadId, ByteRange range, Cancellation c, boolean bounded)
            throws GlowApiException {
        byte[] body = encode(Map.of(kind.idField(), uploadId));
        return withRetry(c, () -> {
            Exchange ex = open(kind.downloadPath(), RequestBody.create(body, JSON),
                    range == null ? null : range.headerValue(), c, bounded ? http : streamHttp);
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
     * Downloads to {@code out}, streaming, resuming a dropped connection (see {@link Downloader}).
     * Each attempt is bounded by the overall deadline.
     */
    public DownloadResult download(MediaKind kind, String uploadId, ByteRange range, OutputStream out,
                                   Cancellation c) throws GlowApiException {
        try {
            return new Downloader(this, retry).download(kind, uploadId, range, out, c);
        } catch (GlowApiException e) {
            throw e.redacted(connection::redact);
        }
    }

    // ---- Export and watch ------------------------------------------------------------------

    /** Opens {@code /system/export} for one group; the ZIP streams from the returned body. */
    public MediaStream openExport(String groupId, Cancellation c) throws GlowApiException {
        byte[] body = encode(new Requests.ExportRequest(groupId));
        return withRetry(c, () -> toMediaStream(open("/system/export", RequestBody.create(body, JSON), null, c,
                http)));
    }

    /** Streams one group's export ZIP to {@code out}; returns the bytes written. */
    public long export(String groupId, OutputStream out, Cancellation c) throws GlowApiException {
        try (MediaStream s = openExport(groupId, c)) {
            return Downloader.copy(this, s.body(), out, 0, Long.MAX_VALUE, c, new long[1]);
        } catch (GlowApiException e) {
            throw e.redacted(connection::redact);
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

    private Exchange open(String path, RequestBody body, String rangeHeader, Cancellation c, OkHttpClient via)
            throws GlowApiException {
        checkCancelled(c);
        Request.Builder rb = new Request.Builder()
                .url(connection.endpoint(path))
                .header("Authorization", connection.authorizationHeader())
                .post(body);
        if (rangeHeader != null) {
            rb.header("Range", rangeHeader);
        }
        Call call = via.newCall(rb.build());
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

    GlowApiException translate(IOException e, Cancellation c, String doing) {
        if (e instanceof GlowApiException g) {
            return g;
        }
        if (c.isCancelled()) {
            return GlowApiException.cancelled();
        }
        if (e.getClass() == InterruptedIOException.class && http.callTimeoutMillis() > 0) {
            // OkHttp's call timeout (a read timeout is a SocketTimeoutException): never retried
            return GlowApiException.deadline("The server did not finish " + doing + " within "
                    + http.callTimeoutMillis() / 1000 + " s (limit -D" + HttpLimits.DEADLINE_PROPERTY + "=SECONDS).", e);
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
                    throw e.redacted(connection::redact);
                }
                long wait = retry.backoffMillis(n, e.retryAfter());
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (wait > left) {
                    throw e.redacted(connection::redact); // the server asks for more patience than this call has
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

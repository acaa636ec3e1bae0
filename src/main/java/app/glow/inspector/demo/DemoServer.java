package app.glow.inspector.demo;

import app.glow.inspector.api.GlowJson;
import app.glow.inspector.model.MediaKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in Glow-compatible instance: every endpoint of the contract over the JDK's HTTP
 * server, bound to 127.0.0.1 with a random bearer token, serving the generated dataset.
 */
public final class DemoServer implements AutoCloseable {
    /**
     * @param port            0 for any free port
     * @param messageCap      the server's cap on {@code message_limit}
     * @param liveStepMillis  pace of the simulated live generation; 0 disables it
     * @param keepAliveMillis SSE keep-alive comment interval
     */
    public record Options(long seed, int groups, int port, int messageCap, long liveStepMillis,
                          long keepAliveMillis, java.nio.file.Path videoFile) {
        public Options(long seed, int groups, int port, int messageCap, long liveStepMillis, long keepAliveMillis) {
            this(seed, groups, port, messageCap, liveStepMillis, keepAliveMillis, null);
        }

        public static Options defaults() {
            return new Options(2026, 500, 0, 500, 1500, 15_000);
        }

        /** Serve this file for every video upload (benchmarks use a large one). */
        public Options withVideoFile(java.nio.file.Path file) {
            return new Options(seed, groups, port, messageCap, liveStepMillis, keepAliveMillis, file);
        }

        public Options withGroups(int n) {
            return new Options(seed, n, port, messageCap, liveStepMillis, keepAliveMillis);
        }

        public Options withPort(int p) {
            return new Options(seed, groups, p, messageCap, liveStepMillis, keepAliveMillis);
        }

        public Options withSeed(long s) {
            return new Options(s, groups, port, messageCap, liveStepMillis, keepAliveMillis);
        }

        public Options withLive(long stepMillis, long keepAlive) {
            return new Options(seed, groups, port, messageCap, stepMillis, keepAlive);
        }

        public Options withMessageCap(int cap) {
            return new Options(seed, groups, port, cap, liveStepMillis, keepAliveMillis);
        }
    }

    private static final int MAX_BODY = 64 * 1024;

    private final Options options;
    private final HttpServer http;
    private final ExecutorService pool;
    private final String token;
    private final ObjectMapper mapper = GlowJson.newMapper();
    private final DemoApi api;
    private final DemoMedia media;
    private final ExportWriter exports;
    private final LiveGenerator live;
    private final AtomicInteger requests = new AtomicInteger();

    private DemoServer(Options options) throws IOException {
        this.options = options;
        // Small JSON answers would otherwise wait ~40 ms on Nagle + delayed ACK per request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // Java2D draws the PNGs; never let it look for a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        byte[] tokenBytes = new byte[24];
        random.nextBytes(tokenBytes);
        this.token = "demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
        this.media = new DemoMedia(options.videoFile());
        DemoDataset data = new DemoDataset(options.seed(), options.groups());
        this.api = new DemoApi(data, new PageTokens(secret), options.messageCap());
        this.exports = new ExportWriter(api, media, mapper);
        this.live = new LiveGenerator(data, Clock.systemUTC(), options.liveStepMillis());
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "demo-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
    }

    public static DemoServer start(Options options) throws IOException {
        return new DemoServer(options);
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8787}. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    public Options options() {
        return options;
    }

    /** Requests served so far (for tests and benchmarks). */
    public int requestCount() {
        return requests.get();
    }

    /** Advances the live simulation by one event, for tests that run with the timer off. */
    public void stepLiveGeneration() {
        live.step();
    }

    @Override
    public void close() {
        live.close();
        http.stop(0);
        pool.shutdownNow();
    }

    // ---- Routing -------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            if (!authorized(ex)) {
                error(ex, 401, "unauthorized", "A valid bearer token is required.");
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", "POST");
                error(ex, 405, "invalid_request", "Every Glow system endpoint is POST.");
                return;
            }
            JsonNode body;
            try {
                body = readBody(ex);
            } catch (IOException e) {
                error(ex, 400, "invalid_request", "The body is not valid JSON.");
                return;
            }
            try {
                route(ex, path, body);
            } catch (DemoApi.InvalidRequest e) {
                error(ex, 400, "invalid_request", e.getMessage());
            }
        } catch (IOException clientWentAway) {
            // the client closed the connection: nothing to answer
        } catch (RuntimeException e) {
            try {
                error(ex, 500, "internal", "The demo server failed: " + e);
            } catch (IOException | RuntimeException ignored) {
                // headers were already sent
            }
        }
    }

    private void route(HttpExchange ex, String path, JsonNode body) throws IOException {
        switch (path) {
            case "/system/group" -> group(ex, body);
            case "/system/groups" -> groups(ex, body);
            case "/system/export" -> export(ex, body);
            case "/system/refresh" -> refresh(ex, body);
            case "/system/watch" -> watch(ex, body);
            default -> {
                for (MediaKind k : MediaKind.values()) {
                    if (k.downloadPath().equals(path)) {
                        download(ex, k, body);
                        return;
                    }
                }
                error(ex, 404, "not_found", "No endpoint " + path + ".");
            }
        }
    }

    private boolean authorized(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(h.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode readBody(HttpExchange ex) throws IOException {
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new IOException("body too large");
        }
        if (bytes.length == 0) {
            return mapper.createObjectNode();
        }
        JsonNode n = mapper.readTree(bytes);
        if (n == null || !n.isObject()) {
            throw new IOException("not an object");
        }
        return n;
    }

    // ---- Endpoints -----------------------------------------------------------------------------

    private void group(HttpExchange ex, JsonNode body) throws IOException {
        String id = DemoFields.requiredString(body, "group_id");
        boolean detail = DemoFields.optionalBoolean(body, "include_detail");
        Integer limit = DemoFields.optionalNonNegative(body, "message_limit");
        Integer offset = DemoFields.optionalNonNegative(body, "message_offset");
        if (!detail) {
            json(ex, 200, api.lean(id));
        } else {
            json(ex, 200, api.detail(id, offset, limit, true));
        }
    }

    private void groups(HttpExchange ex, JsonNode body) throws IOException {
        Integer size = body.hasNonNull("page_size") ? DemoFields.intField(body, "page_size") : null;
        String token = DemoFields.optionalString(body, "page_token");
        String query = DemoFields.optionalString(body, "query");
        Instant after = DemoFields.optionalInstant(body, "created_after");
        Instant before = DemoFields.optionalInstant(body, "created_before");
        json(ex, 200, api.page(size, token, query, after, before));
    }

    private void refresh(HttpExchange ex, JsonNode body) throws IOException {
        String id = DemoFields.optionalString(body, "group_id");
        if (id != null && api.data.specById(id).isEmpty()) {
            error(ex, 404, "not_found", "No group " + id + ".");
            return;
        }
        api.clearCaches();
        json(ex, 200, Map.of("refreshed", true));
    }

    private void download(HttpExchange ex, MediaKind kind, JsonNode body) throws IOException {
        String id = DemoFields.requiredString(body, kind.idField());
        var ref = api.data.upload(DemoIds.Type.valueOf(kind.name()), id);
        if (ref.isEmpty()) {
            error(ex, 404, "not_found", "No " + kind.wireName() + " upload " + id + ".");
            return;
        }
        MediaBlob blob = media.blob(ref.get(), id);
        long size = blob.size();
        var h = ex.getResponseHeaders();
        h.set("Content-Type", blob.contentType());
        h.set("Accept-Ranges", "bytes");
        h.set("ETag", blob.etag());
        if (kind == MediaKind.FILE) {
            h.set("Content-Disposition", DemoFields.contentDisposition(blob.fileName()));
        }
        long[] range = RangeHeader.resolve(ex.getRequestHeaders().getFirst("Range"), size);
        if (range == RangeHeader.UNSATISFIABLE) {
            h.set("Content-Range", "bytes */" + size);
            h.remove("Content-Disposition");
            error(ex, 416, "range_not_satisfiable", "The range is outside the upload (" + size + " bytes).");
            return;
        }
        long start = 0;
        long length = size;
        int status = 200;
        if (range != null) {
            start = range[0];
            length = range[1] - range[0] + 1;
            status = 206;
            h.set("Content-Range", "bytes " + range[0] + "-" + range[1] + "/" + size);
        }
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                blob.write(out, start, length);
            }
        }
    }

    private void export(HttpExchange ex, JsonNode body) throws IOException {
        String id = DemoFields.requiredString(body, "target_group_id");
        var spec = api.data.specById(id);
        if (spec.isEmpty()) {
            error(ex, 404, "not_found", "No group " + id + ".");
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/zip");
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"group-" + id + ".zip\"");
        ExportWriter.Prepared export = exports.prepare(spec.get());
        // the exact length where it is known (large writes); otherwise chunked, as the contract allows
        ex.sendResponseHeaders(200, export.length() < 0 ? 0 : export.length());
        try (OutputStream out = ex.getResponseBody()) {
            exports.write(export, out);
        }
    }

    private void watch(HttpExchange ex, JsonNode body) throws IOException {
        String groupId = DemoFields.optionalString(body, "group_id");
        long after = live.lastId();
        String last = ex.getRequestHeaders().getFirst("Last-Event-ID");
        if (last != null) {
            try {
                after = Math.min(Long.parseLong(last.trim()), after);
            } catch (NumberFormatException ignored) {
                // an id we never issued: continue from now
            }
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            while (true) {
                List<LiveGenerator.Event> events = live.await(after, options.keepAliveMillis());
                if (events == null) {
                    return;
                }
                if (events.isEmpty()) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                }
                for (LiveGenerator.Event e : events) {
                    after = e.id();
                    if (groupId != null && !groupId.equals(e.groupId())) {
                        continue;
                    }
                    String frame = "id: " + e.id() + "\nevent: " + e.type() + "\ndata: "
                            + mapper.writeValueAsString(e.data()) + "\n\n";
                    out.write(frame.getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private void json(HttpExchange ex, int status, Object value) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(value);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void error(HttpExchange ex, int status, String code, String message) throws IOException {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", code);
        err.put("message", message);
        json(ex, status, Map.of("error", err));
    }
}

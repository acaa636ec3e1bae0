package app.glow.inspector.bridge;

import app.glow.inspector.service.GroupSource;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.SourceException;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.model.MediaKind;
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
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP bridge for JavaFX's MediaPlayer and Image, which can only GET a URL, to the
 * POST download endpoints (or an archive): {@code http://127.0.0.1:PORT/SECRET/KIND/UPLOAD_ID}.
 * It binds to 127.0.0.1, requires the per-session secret in every path (404 otherwise), answers
 * HEAD and GET with Range, and streams: nothing is held whole; when the player hangs up, the
 * upstream download is closed. Small uploads (up to {@value #CACHE_ENTRY_BYTES} bytes) are kept in
 * memory by upload id and ETag, within a bounded budget, so replaying a voice note does not
 * download it again; nothing is ever written to disk.
 */
public final class MediaBridge implements AutoCloseable {
    private final GroupSource source;
    private final HttpServer http;
    private final ExecutorService pool;
    private final String secret;
    private final AtomicInteger open = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
    static final int CACHE_ENTRY_BYTES = 2 * 1024 * 1024;
    private static final long CACHE_BYTES = 48L * 1024 * 1024;

    /** A small upload kept whole: content never changes for an upload id and its ETag. */
    private record Cached(String etag, String contentType, byte[] bytes) {
    }

    private final java.util.Map<String, Cached> cache = new java.util.LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;
    private final java.util.concurrent.atomic.AtomicInteger upstreamOpens = new java.util.concurrent.atomic.AtomicInteger();

    public MediaBridge(GroupSource source) throws IOException {
        this.source = source;
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "media-bridge-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
    }

    /** The URL a player or an image loader can GET for an upload. */
    public String url(MediaKind kind, String uploadId) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/" + secret + "/" + kind.wireName() + "/"
                + URLEncoder.encode(uploadId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The URL of a video without its sound tracks, for a computer with no audio output device
     * (an MP4's sound tracks are hidden; any other file is served as it is).
     */
    public String silentUrl(MediaKind kind, String uploadId) {
        return url(kind, uploadId) + "?" + SILENT;
    }

    private static final String SILENT = "sound=off";

    public int port() {
        return http.getAddress().getPort();
    }

    /** Bytes sent to players so far (benchmarks show playback starts long before the end). */
    public long bytesServed() {
        return served.get();
    }

    /** How many upstream downloads were opened in all (cache hits open none). */
    public int upstreamOpens() {
        return upstreamOpens.get();
    }

    private synchronized Cached cached(String key) {
        return cache.get(key);
    }

    private synchronized void remember(String key, Cached c) {
        Cached old = cache.put(key, c);
        cachedBytes += c.bytes().length - (old == null ? 0 : old.bytes().length);
        var it = cache.entrySet().iterator();
        while (cachedBytes > CACHE_BYTES && it.hasNext()) {
            cachedBytes -= it.next().getValue().bytes().length;
            it.remove();
        }
    }

    /** Upstream downloads currently open (for tests: they close when players hang up). */
    public int openStreams() {
        return open.get();
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }

    /**
     * An IOException (the player hung up, or the source ended before the length that was
     * promised) leaves this method on purpose: the HTTP server then closes the connection, so no
     * client waits for bytes that will never come.
     */
    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String[] parts = ex.getRequestURI().getRawPath().split("/", -1);
            // "", secret, kind, id
            if (parts.length != 4 || !MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8))) {
                plain(ex, 404, "Not found");
                return;
            }
            MediaKind kind;
            try {
                kind = MediaKind.fromWireName(parts[2]);
            } catch (IllegalArgumentException e) {
                plain(ex, 404, "Not found");
                return;
            }
            String id = java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                plain(ex, 405, "GET or HEAD");
                return;
            }
            long[] hidden = SILENT.equals(ex.getRequestURI().getRawQuery()) && kind == MediaKind.VIDEO
                    ? soundTracks(kind, id) : new long[0];
            serve(ex, kind, id, method.equals("HEAD"), hidden);
        }
    }

    private final java.util.Map<String, long[]> soundTracks = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, long[]> e) {
                    return size() > 64;
                }
            });

    /** Where an upload's sound track boxes are (found once per upload, a few small range reads). */
    private long[] soundTracks(MediaKind kind, String id) throws IOException {
        String key = kind.wireName() + "/" + id;
        long[] known = soundTracks.get(key);
        if (known != null) {
            return known;
        }
        long total;
        try (MediaStream s = source.openUpload(kind, id, ByteRange.of(0, 0), Cancellation.none())) {
            total = s.totalSize();
        } catch (SourceException e) {
            return new long[0]; // the request itself will fail with this reason; nothing to hide
        }
        long[] found;
        try {
            found = SoundTracks.find((offset, length) -> {
                try (MediaStream s = source.openUpload(kind, id, ByteRange.of(offset, offset + length - 1),
                        Cancellation.none()); InputStream in = s.body()) {
                    return in.readNBytes(length);
                } catch (SourceException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }, total);
        } catch (IOException e) {
            // the video is then served as it is: the player reports the audio device again, and says so
            org.slf4j.LoggerFactory.getLogger(MediaBridge.class).warn("Could not read the tracks of {}: {}", key,
                    e.getMessage());
            return new long[0];
        }
        soundTracks.put(key, found);
        return found;
    }

    private void serve(HttpExchange ex, MediaKind kind, String id, boolean head, long[] hidden) throws IOException {
        ByteRange range = null;
        String rh = ex.getRequestHeaders().getFirst("Range");
        if (rh != null && rh.startsWith("bytes=") && rh.indexOf(',') < 0) {
            try {
                range = ByteRange.parse(rh);
            } catch (IllegalArgumentException ignored) {
                range = null; // a range we do not understand is ignored, as RFC 9110 allows
            }
        }
        String key = kind.wireName() + "/" + id;
        Cached hit = cached(key);
        if (hit != null) {
            serveCached(ex, hit, range, head, hidden);
            return;
        }
        // HEAD asks for the first byte only: enough for the size, type and ETag.
        ByteRange ask = head && range == null ? ByteRange.of(0, 0) : range;
        Cancellation c = new Cancellation();
        MediaStream s;
        try {
            s = source.openUpload(kind, id, ask, c);
        } catch (SourceException e) {
            int status = switch (e.reason()) {
                case NOT_FOUND -> 404;
                case RANGE_NOT_SATISFIABLE -> 416;
                default -> 502;
            };
            if (status == 416 && e.getMessage() != null) {
                ex.getResponseHeaders().set("Content-Range", "bytes */*");
            }
            plain(ex, status, e.getMessage());
            return;
        }
        open.incrementAndGet();
        upstreamOpens.incrementAndGet();
        try (s) {
            var h = ex.getResponseHeaders();
            if (s.contentType() != null) {
                h.set("Content-Type", s.contentType());
            }
            h.set("Accept-Ranges", "bytes");
            if (s.etag() != null) {
                h.set("ETag", s.etag());
            }
            h.set("Cache-Control", "no-store");
            long total = s.totalSize();
            if (head) {
                if (range != null && s.isPartial()) {
                    h.set("Content-Range", "bytes " + s.firstByte() + "-" + (s.firstByte() + s.contentLength() - 1)
                            + "/" + (total < 0 ? "*" : total));
                    h.set("Content-Length", String.valueOf(s.contentLength()));
                    ex.sendResponseHeaders(206, -1);
                } else {
                    if (total >= 0) {
                        h.set("Content-Length", String.valueOf(total));
                    }
                    ex.sendResponseHeaders(200, -1);
                }
                return;
            }
            long length = s.contentLength();
            if (s.isPartial()) {
                h.set("Content-Range", "bytes " + s.firstByte() + "-" + (s.firstByte() + length - 1) + "/"
                        + (total < 0 ? "*" : total));
                ex.sendResponseHeaders(206, length < 0 ? 0 : length);
            } else {
                ex.sendResponseHeaders(200, length < 0 ? 0 : length);
            }
            boolean keep = !s.isPartial() && length >= 0 && length <= CACHE_ENTRY_BYTES && s.etag() != null;
            java.io.ByteArrayOutputStream copy = keep ? new java.io.ByteArrayOutputStream((int) length) : null;
            try (OutputStream out = ex.getResponseBody(); InputStream in = s.body()) {
                byte[] buf = new byte[64 * 1024];
                long sent = 0;
                int n;
                // never more than was promised, and fewer is an error that drops the connection
                while ((length < 0 || sent < length)
                        && (n = in.read(buf, 0, (int) (length < 0 ? buf.length : Math.min(buf.length, length - sent))))
                        >= 0) {
                    if (copy != null) {
                        copy.write(buf, 0, n); // the cache keeps the upload as it is
                    }
                    SoundTracks.hide(buf, 0, n, (s.isPartial() ? s.firstByte() : 0) + sent, hidden);
                    out.write(buf, 0, n);
                    sent += n;
                    served.addAndGet(n);
                }
                if (length >= 0 && sent < length) {
                    throw new IOException(kind.wireName() + " " + id + " ended after " + sent + " of the " + length
                            + " bytes announced");
                }
                if (copy != null && copy.size() == length) {
                    remember(key, new Cached(s.etag(), s.contentType(), copy.toByteArray()));
                }
            } catch (IOException hungUp) {
                c.cancel(); // close the upstream download with the player's connection
                throw hungUp;
            }
        } finally {
            open.decrementAndGet();
        }
    }

    private void serveCached(HttpExchange ex, Cached c, ByteRange range, boolean head, long[] hidden)
            throws IOException {
        var h = ex.getResponseHeaders();
        byte[] b = c.bytes();
        if (c.contentType() != null) {
            h.set("Content-Type", c.contentType());
        }
        h.set("Accept-Ranges", "bytes");
        h.set("ETag", c.etag());
        h.set("Cache-Control", "no-store");
        int first = 0;
        int last = b.length - 1;
        int status = 200;
        if (range != null) {
            ByteRange.Span span = range.resolve(b.length);
            if (span == null) {
                h.set("Content-Range", "bytes */" + b.length);
                plain(ex, 416, "The range is outside the upload.");
                return;
            }
            first = (int) span.first();
            last = (int) span.last();
            status = 206;
            h.set("Content-Range", "bytes " + first + "-" + last + "/" + b.length);
        }
        int length = last - first + 1;
        if (head) {
            h.set("Content-Length", String.valueOf(length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                if (hidden.length > 0) {
                    byte[] part = java.util.Arrays.copyOfRange(b, first, first + length);
                    SoundTracks.hide(part, 0, length, first, hidden);
                    out.write(part);
                } else {
                    out.write(b, first, length);
                }
                served.addAndGet(length);
            }
        }
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }
}

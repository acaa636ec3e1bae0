package app.glow.inspector.bridge;

import app.glow.inspector.service.FileNames;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.service.StubSource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MediaBridgeTest {
    static DemoServer demo;
    static GlowClient client;
    static MediaBridge bridge;
    static String videoId;
    static byte[] video;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(DemoServer.Options.defaults().withLive(0, 1000));
        client = new GlowClient(GlowConnection.of(demo.url(), demo.token()), GlowHttp.newClient(), GlowJson.newMapper(),
                RetryPolicy.NONE);
        bridge = new MediaBridge(new RemoteSource(client, "demo", true, null));
        String g = client.groups(GroupsQuery.firstPage(1), Cancellation.none()).groups().get(0).groupId();
        videoId = client.groupDetail(g, 0, 500, Cancellation.none()).runs().stream()
                .flatMap(r -> r.messages().stream()).flatMap(m -> m.videoUploadIds().stream()).findFirst().orElseThrow();
        var out = new ByteArrayOutputStream();
        client.download(MediaKind.VIDEO, videoId, null, out, Cancellation.none());
        video = out.toByteArray();
    }

    @AfterAll
    static void stop() {
        bridge.close();
        demo.close();
    }

    private HttpResponse<byte[]> send(String method, String url, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (range != null) {
            b.header("Range", range);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void headGivesSizeTypeAndRanges() throws Exception {
        HttpResponse<byte[]> r = send("HEAD", bridge.url(MediaKind.VIDEO, videoId), null);
        assertEquals(200, r.statusCode());
        assertEquals(String.valueOf(video.length), r.headers().firstValue("Content-Length").orElse(""));
        assertEquals("video/mp4", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(""));
        assertTrue(bridge.url(MediaKind.VIDEO, videoId).startsWith("http://127.0.0.1:"));
    }

    @Test
    void getAndRangesAreByteExact() throws Exception {
        HttpResponse<byte[]> whole = send("GET", bridge.url(MediaKind.VIDEO, videoId), null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(video, whole.body());
        HttpResponse<byte[]> part = send("GET", bridge.url(MediaKind.VIDEO, videoId), "bytes=1000-");
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(video, 1000, video.length), part.body());
        assertEquals("bytes 1000-" + (video.length - 1) + "/" + video.length,
                part.headers().firstValue("Content-Range").orElse(""));
    }

    @Test
    void smallUploadsAreServedFromMemoryTheSecondTime() throws Exception {
        try (MediaBridge b = new MediaBridge(new RemoteSource(client, "demo", true, null))) {
            HttpResponse<byte[]> first = send("GET", b.url(MediaKind.VIDEO, videoId), null);
            int opens = b.upstreamOpens();
            HttpResponse<byte[]> again = send("GET", b.url(MediaKind.VIDEO, videoId), null);
            HttpResponse<byte[]> part = send("GET", b.url(MediaKind.VIDEO, videoId), "bytes=10-19");
            HttpResponse<byte[]> head = send("HEAD", b.url(MediaKind.VIDEO, videoId), null);
            assertEquals(opens, b.upstreamOpens(), "no new upstream download");
            assertArrayEquals(first.body(), again.body());
            assertArrayEquals(Arrays.copyOfRange(video, 10, 20), part.body());
            assertEquals(206, part.statusCode());
            assertEquals(String.valueOf(video.length), head.headers().firstValue("Content-Length").orElse(""));
            assertEquals(first.headers().firstValue("ETag"), again.headers().firstValue("ETag"));
            assertEquals(416, send("GET", b.url(MediaKind.VIDEO, videoId), "bytes=" + video.length + "-").statusCode());
        }
    }

    @Test
    void withoutTheSecretThereIsNothing() throws Exception {
        String good = bridge.url(MediaKind.VIDEO, videoId);
        String port = String.valueOf(bridge.port());
        assertEquals(404, send("GET", "http://127.0.0.1:" + port + "/video/" + videoId, null).statusCode());
        assertEquals(404, send("GET", good.replaceFirst("/[^/]+/video/", "/wrongsecret/video/"), null).statusCode());
        assertEquals(404, send("GET", good.replace("/video/", "/nonsense/"), null).statusCode());
        assertEquals(405, send("POST", good, null).statusCode());
        assertEquals(404, send("GET", bridge.url(MediaKind.VIDEO, "00000000-0000-4000-8000-000000000000"), null)
                .statusCode(), "an unknown upload is 404");
    }

    @Test
    void twoPlayersAtOnce() throws Exception {
        var a = http.sendAsync(HttpRequest.newBuilder(URI.create(bridge.url(MediaKind.VIDEO, videoId))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        var b = http.sendAsync(HttpRequest.newBuilder(URI.create(bridge.url(MediaKind.VIDEO, videoId)))
                .header("Range", "bytes=0-99").build(), HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture.allOf(a, b).join();
        assertArrayEquals(video, a.get().body());
        assertArrayEquals(Arrays.copyOf(video, 100), b.get().body());
    }

    @Test
    void hangingUpClosesTheUpstreamDownload() throws Exception {
        AtomicBoolean upstreamClosed = new AtomicBoolean();
        GroupSource endless = new app.glow.inspector.service.StubSource() {
            @Override
            public MediaStream openUpload(MediaKind k, String id, ByteRange r, Cancellation c) {
                InputStream slowForever = new InputStream() {
                    public int read() {
                        return 'x';
                    }

                    public int read(byte[] b, int off, int len) throws java.io.IOException {
                        if (upstreamClosed.get()) {
                            throw new java.io.IOException("closed");
                        }
                        Arrays.fill(b, off, off + Math.min(len, 8192), (byte) 'x');
                        return Math.min(len, 8192);
                    }
                };
                long size = 1L << 40;
                return new MediaStream(200, "video/mp4", size, 0, size, "\"e\"", null, true, slowForever,
                        () -> upstreamClosed.set(true));
            }
        };
        try (MediaBridge b = new MediaBridge(endless)) {
            var conn = (java.net.HttpURLConnection) URI.create(b.url(MediaKind.VIDEO, "v")).toURL().openConnection();
            try (InputStream in = conn.getInputStream()) {
                in.readNBytes(100_000);
            }
            conn.disconnect();
            long deadline = System.currentTimeMillis() + 5000;
            while (!upstreamClosed.get() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(upstreamClosed.get(), "the upstream stream was closed when the player hung up");
            while (b.openStreams() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, b.openStreams());
        }
    }

    @Test
    void hostileFileNamesAreSanitized() {
        assertEquals("passwd", FileNames.sanitize("../../../../etc/passwd", "u1", null));
        assertEquals("upload-u1.pdf", FileNames.sanitize("", "u1", ".pdf"));
        assertEquals("_CON", FileNames.sanitize("CON", "u1", null));
        assertEquals("_con.txt", FileNames.sanitize("con.txt", "u1", null));
        assertEquals("report_.pdf__X-Injected_ 1", FileNames.sanitize("report\u0000.pdf\r\nX-Injected: 1", "u", null));
        assertEquals("hw4 final FINAL (2).py", FileNames.sanitize("C:\\Users\\tomas\\Desktop\\hw4 final FINAL (2).py",
                "u", null));
        assertEquals("résumé – draft №2.pdf", FileNames.sanitize("résumé – draft №2.pdf", "u", null));
        assertEquals("bashrc", FileNames.sanitize("   .bashrc   ", "u", null));
        assertEquals("upload-u9", FileNames.sanitize("...", "u9", null));
        assertTrue(FileNames.sanitize("a".repeat(500) + ".pdf", "u", null).endsWith(".pdf"));
        assertTrue(FileNames.sanitize("a".repeat(500) + ".pdf", "u", null).length() <= 120);
    }

    @Test
    void withoutSoundOnlyTheSoundTrackBoxIsRenamedAndRangesAgree() throws Exception {
        byte[] silent = send("GET", bridge.silentUrl(MediaKind.VIDEO, videoId), null).body();
        assertEquals(video.length, silent.length);
        var differ = new java.util.ArrayList<Integer>();
        for (int i = 0; i < video.length; i++) {
            if (video[i] != silent[i]) {
                differ.add(i);
            }
        }
        int at = differ.get(0);
        assertTrue(differ.stream().allMatch(i -> i < at + 4), "one box type changes, nothing else: " + differ);
        assertEquals("trak", new String(video, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("free", new String(silent, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        String soun = new String(video, at, 1200, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(soun.contains("soun"), "the renamed track is the sound track");
        // a range that cuts through the renamed type is patched too, at the same offsets
        HttpResponse<byte[]> part = send("GET", bridge.silentUrl(MediaKind.VIDEO, videoId),
                "bytes=" + (at + 2) + "-" + (at + 9));
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(silent, at + 2, at + 10), part.body());
        // the plain URL still serves the upload as it is
        assertArrayEquals(video, send("GET", bridge.url(MediaKind.VIDEO, videoId), null).body());
    }

    @Test
    void aFileThatIsNoMp4OrLiesAboutItsBoxesIsLeftAlone() throws Exception {
        for (byte[] hostile : new byte[][] {
                "not an mp4 at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                box("moov", 0x7FFFFFF0), // a movie box claiming far more than the file
                concat(new byte[] {0, 0, 0, 1, 'f', 't', 'y', 'p', (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0}, new byte[8]),
                concat(box("moov", 24), box("trak", 16))}) { // a track with no handler
            assertEquals(0, SoundTracks.find((o, n) -> Arrays.copyOfRange(hostile, (int) Math.min(o, hostile.length),
                    (int) Math.min(o + n, hostile.length)), hostile.length).length);
        }
    }

    private static byte[] box(String type, int size) {
        byte[] b = new byte[8];
        java.nio.ByteBuffer.wrap(b).putInt(size).put(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}

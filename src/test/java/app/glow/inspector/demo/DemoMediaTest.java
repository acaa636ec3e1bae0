package app.glow.inspector.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.DownloadResult;
import app.glow.inspector.api.GlowApiException;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.RunWithMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoMediaTest extends DemoServerSupport {
    private static final Cancellation NONE = Cancellation.none();
    private static final Map<MediaKind, List<String>> uploads = new EnumMap<>(MediaKind.class);
    private static final List<String> hostileFiles = new ArrayList<>();

    @BeforeAll
    static void collectUploads() throws Exception {
        for (MediaKind k : MediaKind.values()) {
            uploads.put(k, new ArrayList<>());
        }
        for (GroupSummary g : client.groups(GroupsQuery.firstPage(60), NONE).groups()) {
            if (g.messageCount() > 500) {
                continue;
            }
            GroupDetail d = client.groupDetail(g.groupId(), 0, 500, NONE);
            for (RunWithMessages r : d.runs()) {
                for (Message m : r.messages()) {
                    for (MediaKind k : MediaKind.values()) {
                        for (String id : m.uploadIds(k)) {
                            if (!uploads.get(k).contains(id)) {
                                uploads.get(k).add(id);
                            }
                        }
                    }
                    if (g.groupName().contains("oddly named")) {
                        hostileFiles.addAll(m.fileUploadIds());
                    }
                }
            }
        }
    }

    private static byte[] fetch(MediaKind k, String id, ByteRange range) throws Exception {
        var out = new ByteArrayOutputStream();
        client.download(k, id, range, out, NONE);
        return out.toByteArray();
    }

    @Test
    void everyKindIsPresentAndRangesAreByteExact() throws Exception {
        for (MediaKind k : MediaKind.values()) {
            List<String> ids = uploads.get(k);
            assertTrue(ids.size() >= 2, "the first groups carry " + k + " uploads: " + ids.size());
            for (String id : ids.subList(0, Math.min(4, ids.size()))) {
                byte[] whole = fetch(k, id, null);
                int n = whole.length;
                assertTrue(n > 0);
                assertArrayEquals(Arrays.copyOfRange(whole, 0, 1), fetch(k, id, ByteRange.of(0, 0)));
                assertArrayEquals(Arrays.copyOfRange(whole, n / 3, n / 2 + 1), fetch(k, id, ByteRange.of(n / 3, n / 2)));
                assertArrayEquals(Arrays.copyOfRange(whole, n / 2, n), fetch(k, id, ByteRange.from(n / 2)));
                assertArrayEquals(Arrays.copyOfRange(whole, n - Math.min(n, 17), n),
                        fetch(k, id, ByteRange.lastBytes(17)));
                assertArrayEquals(whole, fetch(k, id, ByteRange.of(0, n + 1000)), "an end past the size is cut");
                GlowApiException e = assertThrows(GlowApiException.class, () -> fetch(k, id, ByteRange.from(n)));
                assertEquals(416, e.status());
            }
        }
    }

    @Test
    void headersFollowTheContract() throws Exception {
        String id = uploads.get(MediaKind.VIDEO).get(0);
        try (MediaStream s = client.openDownload(MediaKind.VIDEO, id, ByteRange.of(0, 99), NONE)) {
            assertEquals(206, s.status());
            assertEquals("video/mp4", s.contentType());
            assertTrue(s.acceptsRanges());
            assertNotNull(s.etag());
            assertEquals(100, s.contentLength());
            assertTrue(s.totalSize() > 1000);
        }
        String file = uploads.get(MediaKind.FILE).get(0);
        DownloadResult r = client.download(MediaKind.FILE, file, null, new ByteArrayOutputStream(), NONE);
        assertNotNull(r.fileName(), "files carry Content-Disposition");
        assertThrows(GlowApiException.class, () -> fetch(MediaKind.IMAGE, file, null), "an id of another kind");
        GlowApiException e = assertThrows(GlowApiException.class,
                () -> fetch(MediaKind.TEXT, "00000000-0000-4000-8000-000000000000", null));
        assertEquals(404, e.status());
        assertEquals("not_found", e.code());
    }

    @Test
    void mediaAreRealFilesOfTheirTypes() throws Exception {
        for (String id : uploads.get(MediaKind.IMAGE).subList(0, 2)) {
            var img = ImageIO.read(new ByteArrayInputStream(fetch(MediaKind.IMAGE, id, null)));
            assertNotNull(img, "a decodable PNG");
            assertTrue(img.getWidth() >= 600);
        }
        boolean wav = false;
        boolean mp3 = false;
        for (String id : uploads.get(MediaKind.AUDIO)) {
            byte[] head = fetch(MediaKind.AUDIO, id, ByteRange.of(0, 11));
            String s = new String(head, StandardCharsets.ISO_8859_1);
            if (s.startsWith("RIFF") && s.endsWith("WAVE")) {
                wav = true;
                byte[] whole = fetch(MediaKind.AUDIO, id, null);
                var ais = javax.sound.sampled.AudioSystem.getAudioInputStream(new ByteArrayInputStream(whole));
                assertEquals(16_000f, ais.getFormat().getSampleRate());
                assertTrue(ais.getFrameLength() >= 2 * 16_000);
            } else if (s.startsWith("ID3") || (head[0] & 0xff) == 0xff) {
                mp3 = true;
            }
        }
        assertTrue(wav && mp3, "both WAV and MP3 audio");
        byte[] mp4 = fetch(MediaKind.VIDEO, uploads.get(MediaKind.VIDEO).get(0), ByteRange.of(0, 63));
        String head = new String(mp4, StandardCharsets.ISO_8859_1);
        assertTrue(head.substring(4, 8).equals("ftyp") && head.contains("moov"), "faststart: moov right after ftyp");
        boolean pdf = false;
        boolean csv = false;
        for (String id : uploads.get(MediaKind.FILE)) {
            String s = new String(fetch(MediaKind.FILE, id, null), StandardCharsets.ISO_8859_1);
            pdf |= s.startsWith("%PDF-1.4") && s.trim().endsWith("%%EOF");
            csv |= s.startsWith("student,hw1");
        }
        assertTrue(pdf && csv, "PDF and CSV files");
    }

    @Test
    void hostileFileNamesArriveRawForTheClientToSanitize() throws Exception {
        List<String> names = new ArrayList<>();
        for (String id : hostileFiles) {
            names.add(client.download(MediaKind.FILE, id, null, new ByteArrayOutputStream(), NONE).fileName());
        }
        assertTrue(names.contains("../../../../etc/passwd"), names.toString());
        assertTrue(names.contains(""), names.toString());
        assertTrue(names.stream().anyMatch(n -> n != null && n.contains("\r\n")), "control characters survive");
    }

    @Test
    void aOneMegabyteTextStreamsAndRanges() throws Exception {
        GroupSummary g = client.groups(new GroupsQuery(5, null, "crash log", null, null), NONE).groups().get(0);
        GroupDetail d = client.groupDetail(g.groupId(), 0, 500, NONE);
        String big = null;
        for (RunWithMessages r : d.runs()) {
            for (Message m : r.messages()) {
                if (m.textUploadIds().size() == 2) {
                    big = m.textUploadIds().get(1);
                }
            }
        }
        assertNotNull(big);
        byte[] all = fetch(MediaKind.TEXT, big, null);
        assertTrue(all.length >= 1_000_000, "1 MB: " + all.length);
        assertArrayEquals(Arrays.copyOfRange(all, 500_000, 500_300), fetch(MediaKind.TEXT, big,
                ByteRange.of(500_000, 500_299)));
        assertTrue(new String(all, StandardCharsets.UTF_8).contains("Segmentation fault"));
    }
}

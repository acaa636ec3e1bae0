package app.glow.inspector.demo;

import app.glow.inspector.demo.DemoDataset.UploadRef;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * The demo's media, made in code: PNG whiteboard sketches and charts drawn with Java2D,
 * speech-like WAV synthesized sample by sample (any range, no buffer), a 1 MB log streamed line
 * by line, small PDFs, CSVs and source files; plus an MP3 and a faststart MP4 from resources.
 */
final class DemoMedia {
    static final String MP3 = "voice-note.mp3";
    static final String MP4 = "whiteboard-walkthrough.mp4";
    static final String M4A = "voice-memo.m4a";

    /** File names a hostile or careless uploader might produce; clients must sanitize them. */
    static final List<String> HOSTILE_NAMES = List.of(
            "../../../../etc/passwd",
            "",
            "CON",
            "report\u0000.pdf\r\nX-Injected: 1",
            "C:\\Users\\tomas\\Desktop\\hw4 final FINAL (2).py",
            "résumé – draft №2.pdf",
            "   .bashrc   ");

    private final Map<String, byte[]> pngCache = Collections.synchronizedMap(new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> e) {
            return size() > 48;
        }
    });
    private final Map<String, Long> resourceSizes = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.nio.file.Path videoFile;

    DemoMedia() {
        this(null);
    }

    DemoMedia(java.nio.file.Path videoFile) {
        this.videoFile = videoFile;
    }

    MediaBlob blob(UploadRef ref, String uploadId) {
        GroupSpec s = ref.spec();
        SplittableRandom r = new SplittableRandom(DemoIds.mix(s.index * 1009L + ref.run(), ref.message() * 13L
                + ref.part()));
        return switch (ref.kind()) {
            case TEXT -> text(ref, uploadId);
            case AUDIO -> audio(s, ref, uploadId, r);
            case IMAGE -> png(uploadId, r.nextBoolean(), r.nextLong());
            case VIDEO -> videoFile != null ? new FileBlob(videoFile, "video/mp4") : resource(MP4, "video/mp4", uploadId);
            case FILE -> file(ref, uploadId, r);
            default -> throw new IllegalArgumentException("not an upload kind: " + ref.kind());
        };
    }

    /** WAV mostly; an MP3 and an AAC (.m4a) now and then; the rich groups carry one of each. */
    private MediaBlob audio(GroupSpec s, UploadRef ref, String uploadId, SplittableRandom r) {
        int pick = r.nextInt(6);
        if (s.has(GroupSpec.Trait.RICH_MEDIA)) {
            pick = ref.part() == 1 ? 0 : ref.part() == 2 ? 1 : 5;
        }
        return switch (pick) {
            case 0 -> resource(MP3, "audio/mpeg", uploadId);
            case 1 -> resource(M4A, "audio/mp4", uploadId);
            default -> new WavBlob(uploadId, r.nextLong(), 2 + r.nextInt(7));
        };
    }

    private MediaBlob text(UploadRef ref, String uploadId) {
        GroupSpec s = ref.spec();
        if (s.has(GroupSpec.Trait.HUGE_TEXT) && ref.message() == 1 && ref.part() == 1) {
            return new LogBlob(uploadId, 8200);
        }
        String t = DemoConversation.text(s, ref.run(), ref.message(), ref.part());
        return new BytesBlob(t.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", uploadId, null);
    }

    private MediaBlob file(UploadRef ref, String uploadId, SplittableRandom r) {
        GroupSpec s = ref.spec();
        if (s.has(GroupSpec.Trait.HOSTILE_FILES) && ref.run() == 0 && ref.message() == 1) {
            String name = HOSTILE_NAMES.get(ref.part());
            byte[] body = ("This upload's file name was: " + name.replaceAll("\\p{Cntrl}", "?") + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            return new BytesBlob(body, "application/octet-stream", uploadId, name);
        }
        String student = s.persona.first().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (r.nextInt(3)) {
            case 0 -> new BytesBlob(DemoDocuments.pdf(s.course.code() + " feedback for " + s.persona.first(),
                    List.of("Assignment: " + s.course.topic(), "Reviewer: " + s.ta.name(),
                            "Score: " + (12 + r.nextInt(9)) + " / 20",
                            "Strength: clear tests and helpful comments.",
                            "Fix: handle the empty input (rubric: edge cases).")),
                    "application/pdf", uploadId, student + "_feedback.pdf");
            case 1 -> new BytesBlob(DemoDocuments.gradesCsv(r.nextLong()), "text/csv", uploadId,
                    s.course.slug() + "_section_grades.csv");
            default -> new BytesBlob(DemoDocuments.pythonSource(s.course.topic()), "text/x-python", uploadId,
                    student + "_solution.py");
        };
    }

    private MediaBlob resource(String name, String type, String uploadId) {
        long size = resourceSizes.computeIfAbsent(name, n -> {
            try (InputStream in = open(n)) {
                return in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new MediaBlob() {
            @Override
            public String contentType() {
                return type;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public String etag() {
                return "\"res-" + name.hashCode() + "-" + size + "\"";
            }

            @Override
            public void write(OutputStream out, long start, long length) throws IOException {
                try (InputStream in = open(name)) {
                    in.skipNBytes(start);
                    byte[] buf = new byte[16 * 1024];
                    long left = length;
                    while (left > 0) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                        if (n < 0) {
                            throw new IOException("resource " + name + " ended early");
                        }
                        out.write(buf, 0, n);
                        left -= n;
                    }
                }
            }
        };
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = DemoMedia.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing demo resource " + name);
        }
        return in;
    }

    private MediaBlob png(String uploadId, boolean chart, long seed) {
        byte[] bytes = pngCache.computeIfAbsent(uploadId, id -> chart ? DemoImages.chart(seed) : DemoImages.whiteboard(seed));
        return new BytesBlob(bytes, "image/png", uploadId, null);
    }

    /** A file on disk, served by ranges through a channel (never read whole). */
    record FileBlob(java.nio.file.Path path, String contentType) implements MediaBlob {
        @Override
        public long size() {
            try {
                return java.nio.file.Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String etag() {
            return "\"file-" + size() + "\"";
        }

        @Override
        public void write(OutputStream out, long start, long length) throws IOException {
            try (var ch = java.nio.channels.FileChannel.open(path)) {
                ch.position(start);
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(256 * 1024);
                long left = length;
                while (left > 0) {
                    buf.clear();
                    buf.limit((int) Math.min(buf.capacity(), left));
                    int n = ch.read(buf);
                    if (n < 0) {
                        throw new IOException("file ended early");
                    }
                    out.write(buf.array(), 0, n);
                    left -= n;
                }
            }
        }
    }

    /** An in-memory blob for small generated content. */
    record BytesBlob(byte[] bytes, String contentType, String uploadId, String fileName) implements MediaBlob {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public String etag() {
            return "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + bytes.length + "\"";
        }

        @Override
        public void write(OutputStream out, long start, long length) throws IOException {
            out.write(bytes, (int) start, (int) length);
        }
    }

    /** 16 kHz mono 16-bit PCM, a voice-like buzz with syllables, computed for any byte range. */
    record WavBlob(String uploadId, long seed, int seconds) implements MediaBlob {
        static final int RATE = 16_000;
        static final int HEADER = 44;

        @Override
        public String contentType() {
            return "audio/wav";
        }

        long dataBytes() {
            return (long) RATE * seconds * 2;
        }

        @Override
        public long size() {
            return HEADER + dataBytes();
        }

        @Override
        public String etag() {
            return "\"wav-" + Long.toHexString(seed) + "-" + seconds + "\"";
        }

        byte[] header() {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(HEADER).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes()))
                    .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                    .putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                    .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                    .putInt((int) dataBytes());
            return b.array();
        }

        short sample(long i) {
            double t = (double) i / RATE;
            double pitch = 120 + 30 * Math.sin(2 * Math.PI * 0.7 * t + (seed & 7));
            double syllable = Math.max(0, Math.sin(2 * Math.PI * 3.3 * t + (seed >>> 8 & 3)));
            double pause = Math.sin(2 * Math.PI * 0.4 * t) > -0.6 ? 1 : 0.05;
            double v = 0;
            for (int h = 1; h <= 6; h++) {
                double formant = Math.exp(-Math.pow((h * pitch - 500) / 400, 2)) + 0.5 * Math.exp(
                        -Math.pow((h * pitch - 1500) / 500, 2));
                v += formant * Math.sin(2 * Math.PI * h * pitch * t) / h;
            }
            return (short) (v * syllable * pause * 9000);
        }

        @Override
        public void write(OutputStream out, long start, long length) throws IOException {
            byte[] header = header();
            byte[] buf = new byte[8192];
            long pos = start;
            long end = start + length;
            while (pos < end) {
                int n = 0;
                while (n < buf.length && pos < end) {
                    if (pos < HEADER) {
                        buf[n++] = header[(int) pos];
                    } else {
                        long off = pos - HEADER;
                        short s = sample(off / 2);
                        buf[n++] = (byte) ((off & 1) == 0 ? s & 0xff : (s >> 8) & 0xff);
                    }
                    pos++;
                }
                out.write(buf, 0, n);
            }
        }
    }

    /** A 1 MB crash log: fixed-width lines, so any range is computed without the rest. */
    record LogBlob(String uploadId, int lines) implements MediaBlob {
        static final int WIDTH = 128;

        @Override
        public String contentType() {
            return "text/plain; charset=utf-8";
        }

        @Override
        public long size() {
            return (long) lines * WIDTH;
        }

        @Override
        public String etag() {
            return "\"log-" + lines + "\"";
        }

        static byte[] line(int i) {
            String level = i % 97 == 0 ? "ERROR" : i % 13 == 0 ? "WARN " : "DEBUG";
            String text = String.format(Locale.ROOT, "%06d %s [worker-%d] alloc node=%#010x size=%d free_list=%d",
                    i, level, i % 8, 0x5000 + i * 48, 16 + i % 64, (i * 7919) % 4096);
            if (i % 97 == 0) {
                text = String.format(Locale.ROOT, "%06d ERROR [worker-%d] Segmentation fault at 0x0 in list_next()",
                        i, i % 8);
            }
            StringBuilder sb = new StringBuilder(text);
            while (sb.length() < WIDTH - 1) {
                sb.append(' ');
            }
            sb.setLength(WIDTH - 1);
            sb.append('\n');
            return sb.toString().getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public void write(OutputStream out, long start, long length) throws IOException {
            long pos = start;
            long end = start + length;
            while (pos < end) {
                int li = (int) (pos / WIDTH);
                int off = (int) (pos % WIDTH);
                int n = (int) Math.min(WIDTH - off, end - pos);
                out.write(line(li), off, n);
                pos += n;
            }
        }
    }
}

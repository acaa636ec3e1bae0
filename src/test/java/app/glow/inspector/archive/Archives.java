package app.glow.inspector.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small archives for tests, written with java.util.zip, and the refusal they earn. */
final class Archives {
    private Archives() {
    }

    record Entry(String name, byte[] bytes, boolean stored) {
        static Entry of(String name, String text) {
            return new Entry(name, text.getBytes(StandardCharsets.UTF_8), false);
        }

        static Entry stored(String name, byte[] bytes) {
            return new Entry(name, bytes, true);
        }
    }

    static Path zip(Path file, Entry... entries) throws Exception {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Entry e : entries) {
                ZipEntry ze = new ZipEntry(e.name());
                if (e.stored()) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.bytes());
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.bytes().length);
                    ze.setCompressedSize(e.bytes().length);
                    ze.setCrc(crc.getValue());
                }
                z.putNextEntry(ze);
                z.write(e.bytes());
                z.closeEntry();
            }
        }
        return file;
    }

    static String manifest(List<String> groups, String... files) {
        return "{\"format\": \"glow-group-export\", \"version\": 1, \"groups\": ["
                + String.join(", ", groups.stream().map(g -> "\"" + g + "\"").toList()) + "], \"files\": ["
                + String.join(", ", files) + "]}";
    }

    static String file(String group, String kind, String upload, byte[] content) {
        return "{\"path\": \"" + ArchivePaths.media(group, kind, upload) + "\", \"kind\": \"" + kind
                + "\", \"upload_id\": \"" + upload + "\", \"size\": " + content.length + ", \"sha256\": \""
                + sha256(content) + "\", \"content_type\": \"application/octet-stream\"}";
    }

    static String group(String id, String runs) {
        return "{\"group_exists\": true, \"group_id\": \"" + id + "\", \"group_name\": \"G " + id
                + "\", \"total_message_count\": 0, \"runs\": [" + runs + "]}";
    }

    static String run(String id, String cost) {
        return "{\"run\": {\"id\": \"" + id + "\", \"created_at\": \"2026-01-01T00:00:00Z\", \"input_tokens\": 10,"
                + " \"output_tokens\": 5, \"cached_input_tokens\": 0, \"cost\": " + cost + ", \"model_id\": \"m\"},"
                + " \"messages\": []}";
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The refusal's sentence; it must never show a Java exception's name. */
    static String refusal(Path p) {
        return refusal(p, ArchiveLimits.DEFAULT);
    }

    static String refusal(Path p, ArchiveLimits limits) {
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> ArchiveSource.open(p, limits, app.glow.inspector.source.Cancellation.none()).close());
        String m = e.getMessage();
        assertFalse(m.contains("Exception") || m.contains("java."), "no Java internals on screen: " + m);
        return m;
    }

    /** Replaces every occurrence of one name by another of the same length (CRCs cover data, not names). */
    static void rename(Path file, String from, String to, int occurrences) throws Exception {
        byte[] b = Files.readAllBytes(file);
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        int done = 0;
        for (int i = 0; i + f.length <= b.length && done < occurrences; i++) {
            if (java.util.Arrays.equals(b, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, b, i, t.length);
                done++;
            }
        }
        Files.write(file, b);
    }
}

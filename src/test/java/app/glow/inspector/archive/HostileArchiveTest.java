package app.glow.inspector.archive;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives made to hurt: each is refused with a sentence that says why. */
class HostileArchiveTest {
    @TempDir
    Path dir;

    private Path zip(String name, Entry... entries) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Entry e : entries) {
                z.putNextEntry(new ZipEntry(e.name));
                z.write(e.bytes);
                z.closeEntry();
            }
        }
        return p;
    }

    record Entry(String name, byte[] bytes) {
        static Entry of(String name, String text) {
            return new Entry(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static final String MANIFEST = "{\"format\": \"glow-group-export\", \"version\": 1, \"groups\": [], \"files\": []}";

    private String refusal(Path p) {
        ArchiveException e = assertThrows(ArchiveException.class, () -> ArchiveSource.open(p).close());
        return e.getMessage();
    }

    @Test
    void entriesThatEscapeTheArchiveAreRefused() throws Exception {
        assertTrue(refusal(zip("slip.zip", Entry.of(ArchivePaths.MANIFEST, MANIFEST),
                Entry.of("../../etc/cron.d/evil", "x"))).contains("escapes"));
        assertTrue(refusal(zip("abs.zip", Entry.of(ArchivePaths.MANIFEST, MANIFEST),
                Entry.of("/tmp/evil", "x"))).contains("escapes"));
        assertTrue(refusal(zip("win.zip", Entry.of(ArchivePaths.MANIFEST, MANIFEST),
                Entry.of("groups\\..\\..\\evil", "x"))).contains("escapes"));
    }

    @Test
    void zipBombsAreRefused() throws Exception {
        byte[] zeros = new byte[50 * 1024 * 1024];
        String msg = refusal(zip("bomb.zip", Entry.of(ArchivePaths.MANIFEST, MANIFEST), new Entry("groups/g/x", zeros)));
        assertTrue(msg.contains("ZIP bomb"), msg);
    }

    @Test
    void aShaMismatchIsRefused() throws Exception {
        String manifest = "{\"format\": \"glow-group-export\", \"version\": 1, \"groups\": [], \"files\": [{\"path\": "
                + "\"groups/g/media/text/t1\", \"kind\": \"text\", \"upload_id\": \"t1\", \"size\": 5, \"sha256\": "
                + "\"" + "0".repeat(64) + "\"}]}";
        String msg = refusal(zip("sha.zip", Entry.of(ArchivePaths.MANIFEST, manifest),
                Entry.of("groups/g/media/text/t1", "hello")));
        assertTrue(msg.contains("SHA-256"), msg);
    }

    @Test
    void sizesAreCountedNotTrusted() throws Exception {
        String manifest = "{\"format\": \"glow-group-export\", \"version\": 1, \"groups\": [], \"files\": [{\"path\": "
                + "\"groups/g/media/text/t1\", \"kind\": \"text\", \"upload_id\": \"t1\", \"size\": 2, \"sha256\": "
                + "\"" + "0".repeat(64) + "\"}]}";
        String msg = refusal(zip("liar.zip", Entry.of(ArchivePaths.MANIFEST, manifest),
                Entry.of("groups/g/media/text/t1", "much longer than two bytes")));
        assertTrue(msg.contains("larger than it declares") || msg.contains("could not be read whole"), msg);
    }

    @Test
    void truncatedAndForeignArchivesAreRefused() throws Exception {
        Path good = zip("good.zip", Entry.of(ArchivePaths.MANIFEST, MANIFEST), Entry.of("groups/g/group.json", "{}"));
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertTrue(refusal(cut).contains("not a readable ZIP"), refusal(cut));
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "just some text");
        assertTrue(refusal(text).contains("not a readable ZIP"));
        assertTrue(refusal(zip("nomanifest.zip", Entry.of("readme.txt", "hi"))).contains("no manifest.json"));
        assertTrue(refusal(zip("foreign.zip", Entry.of(ArchivePaths.MANIFEST, "{\"format\": \"other\"}")))
                .contains("format"));
    }
}

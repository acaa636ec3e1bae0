package app.glow.inspector.archive;

import static app.glow.inspector.archive.Archives.file;
import static app.glow.inspector.archive.Archives.group;
import static app.glow.inspector.archive.Archives.manifest;
import static app.glow.inspector.archive.Archives.refusal;
import static app.glow.inspector.archive.Archives.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.archive.Archives.Entry;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ZIP-level hostility, each archive crafted here: work that must stay bounded by the file's real
 * size, counts checked before anything is allocated, names and sizes that disagree. Every case
 * ends in a refusal naming the file (or entry) and what is wrong, quickly, within a small heap.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ArchiveStructureTest {
    @TempDir
    Path dir;

    @Test
    void aManifestListingOneLargeEntryManyTimesIsRefusedWithoutHashingItAgain() throws Exception {
        byte[] big = new byte[10 << 20];
        new java.util.Random(1).nextBytes(big);
        String one = file("g", "file", "f1", big);
        List<String> many = new ArrayList<>(Collections.nCopies(1000, one));
        long t0 = System.nanoTime();
        String msg = refusal(Archives.zip(dir.resolve("repeat.zip"),
                Entry.of(ArchivePaths.MANIFEST, manifest(List.of("g"), many.toArray(String[]::new))),
                Entry.of(ArchivePaths.groupJson("g"), group("g", "")),
                Entry.stored(ArchivePaths.media("g", "file", "f1"), big)));
        assertTrue(msg.contains("files[1]") && msg.contains("already listed as files[0]"), msg);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "refused before hashing 10 GB");

        String groups = refusal(Archives.zip(dir.resolve("groups.zip"),
                Entry.of(ArchivePaths.MANIFEST, manifest(Collections.nCopies(500, "g"))),
                Entry.of(ArchivePaths.groupJson("g"), group("g", ""))));
        assertTrue(groups.contains("groups[1]") && groups.contains("listed twice"), groups);
    }

    @Test
    void duplicateEntryNamesAndASecondManifestAreRefused() throws Exception {
        Path twoManifests = Archives.zip(dir.resolve("two-manifests.zip"),
                Entry.of(ArchivePaths.MANIFEST, manifest(List.of())),
                Entry.of("manifest.jsoX", manifest(List.of("hidden"))));
        Archives.rename(twoManifests, "manifest.jsoX", "manifest.json", 2);
        String msg = refusal(twoManifests);
        assertTrue(msg.contains("two-manifests.zip") && msg.contains("two entries named “manifest.json”"), msg);

        RawZip raw = new RawZip();
        raw.add(ArchivePaths.MANIFEST, manifest(List.of("g")));
        raw.add(ArchivePaths.groupJson("g"), group("g", ""));
        raw.add(ArchivePaths.groupJson("g"), group("g", run("r", "1")));
        String dup = refusal(raw.write(dir.resolve("dup.zip")));
        assertTrue(dup.contains("two entries named “groups/g/group.json”"), dup);
    }

    @Test
    void aLocalHeaderThatNamesAnotherFileIsRefused() throws Exception {
        RawZip raw = new RawZip();
        raw.add(ArchivePaths.MANIFEST, manifest(List.of("g")));
        raw.add(ArchivePaths.groupJson("g"), group("g", "")).localName = "../../../etc/passwd.json";
        String msg = refusal(raw.write(dir.resolve("local.zip")));
        assertTrue(msg.contains("local.zip") && msg.contains("local header of “groups/g/group.json”")
                && msg.contains("../../../etc/passwd.json"), msg);
    }

    @Test
    void entriesSharingBytesAreRefused() throws Exception {
        RawZip raw = new RawZip();
        raw.add(ArchivePaths.MANIFEST, manifest(List.of("g")));
        raw.add(ArchivePaths.groupJson("g"), group("g", ""));
        raw.add("groups/g/copy.json", "{}").offsetOf = 1; // points at group.json's bytes
        String msg = refusal(raw.write(dir.resolve("overlap.zip")));
        assertTrue(msg.contains("overlaps another entry") || msg.contains("local header of"), msg);
    }

    @Test
    void jsonThatInflatesPastItsDeclaredSizeIsRefusedWhileReading() throws Exception {
        String longString = "x".repeat(4 << 20);
        String runs = run("r1", "1").replace("\"model_id\": \"m\"", "\"model_id\": \"" + longString + "\"");
        RawZip raw = new RawZip();
        raw.add(ArchivePaths.MANIFEST, manifest(List.of("g")));
        RawZip.Entry g = raw.add(ArchivePaths.groupJson("g"), group("g", runs + "," + runs));
        g.deflate = true;
        g.declaredSize = 1000L;
        String msg = refusal(raw.write(dir.resolve("liar.zip")));
        assertTrue(msg.contains("groups/g/group.json is larger than it declares (1000 bytes"), msg);

        RawZip manifestBomb = new RawZip();
        RawZip.Entry m = manifestBomb.add(ArchivePaths.MANIFEST, "[\"" + longString + "\"]");
        m.deflate = true;
        m.declaredSize = 1000L;
        String mm = refusal(manifestBomb.write(dir.resolve("manifest-liar.zip")));
        assertTrue(mm.contains("manifest.json is larger than it declares"), mm);
    }

    @Test
    void aJsonEntryBeyondTheJsonBoundIsRefusedBeforeParsing() throws Exception {
        StringBuilder longName = new StringBuilder();
        java.util.Random r = new java.util.Random(3);
        while (longName.length() < 2 << 20) {
            longName.append((char) ('a' + r.nextInt(26))); // random letters: a plausible ratio, not a bomb
        }
        Path p = Archives.zip(dir.resolve("huge.zip"), Entry.of(ArchivePaths.MANIFEST, manifest(List.of("g"))),
                Entry.of(ArchivePaths.groupJson("g"), group("g", "").replace("G g", longName.toString())));
        String msg = refusal(p, ArchiveLimits.DEFAULT.withMaxJsonBytes(1 << 20));
        assertTrue(msg.contains("groups/g/group.json declares") && msg.contains("more than the 1,048,576"), msg);
    }

    @Test
    void millionsOfDeclaredEntriesAreRefusedBeforeAnythingIsAllocatedPerEntry() throws Exception {
        RawZip zip64 = new RawZip();
        zip64.add(ArchivePaths.MANIFEST, manifest(List.of()));
        zip64.zip64 = true;
        zip64.declaredCount = 50_000_000L;
        String msg = refusal(zip64.write(dir.resolve("zip64.zip")));
        assertTrue(msg.contains("zip64.zip") && msg.contains("declares 50,000,000 entries")
                && msg.contains("at most 200,000"), msg);

        RawZip classic = new RawZip();
        classic.add(ArchivePaths.MANIFEST, manifest(List.of()));
        classic.declaredCount = 65_535L;
        String c = refusal(classic.write(dir.resolve("classic.zip")), ArchiveLimits.DEFAULT.withMaxEntries(1000));
        assertTrue(c.contains("declares 65,535 entries"), c);
        // within the bound but more than the directory holds: refused as damaged, not trusted
        String lie = refusal(classic.write(dir.resolve("classic2.zip")));
        assertTrue(lie.contains("not a readable ZIP"), lie);
    }

    @Test
    void moreRealEntriesThanTheBoundAreRefused() throws Exception {
        Entry[] many = new Entry[1001];
        many[0] = Entry.of(ArchivePaths.MANIFEST, manifest(List.of()));
        for (int i = 1; i < many.length; i++) {
            many[i] = Entry.of("groups/g/extra-" + i, "");
        }
        String msg = refusal(Archives.zip(dir.resolve("many.zip"), many), ArchiveLimits.DEFAULT.withMaxEntries(1000));
        assertTrue(msg.contains("declares 1,001 entries"), msg);
    }

    @Test
    void damagedDataIsRefusedByItsCrc() throws Exception {
        RawZip raw = new RawZip();
        raw.add(ArchivePaths.MANIFEST, manifest(List.of("g")));
        raw.add(ArchivePaths.groupJson("g"), group("g", "")).crc = 12345L;
        String msg = refusal(raw.write(dir.resolve("crc.zip")));
        assertTrue(msg.contains("groups/g/group.json fails its CRC check"), msg);
    }

    @Test
    void aManifestSizeThatLiesIsRefusedAtOpen() throws Exception {
        byte[] media = "twelve bytes".getBytes(StandardCharsets.UTF_8);
        String lying = file("g", "image", "i1", media).replace("\"size\": 12", "\"size\": 1000000");
        String msg = refusal(Archives.zip(dir.resolve("size.zip"),
                Entry.of(ArchivePaths.MANIFEST, manifest(List.of("g"), lying)),
                Entry.of(ArchivePaths.groupJson("g"), group("g", "")),
                Entry.stored(ArchivePaths.media("g", "image", "i1"), media)));
        assertTrue(msg.contains("groups/g/media/image/i1 is smaller than it declares")
                && msg.contains("files[0].size"), msg);
    }

    @Test
    void aFolderAPipeAndAMissingFileAreRefusedWithoutWaiting() throws Exception {
        assertTrue(refusal(dir).contains("is a folder"), refusal(dir));
        assertTrue(refusal(dir.resolve("absent.zip")).contains("“absent.zip” does not exist"));
        Path fifo = dir.resolve("pipe.zip");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is available");
        String msg = refusal(fifo);
        assertTrue(msg.contains("“pipe.zip” is not a regular file"), msg);
    }

    @Test
    void aSoundArchiveStillOpensAndServesExactRanges() throws Exception {
        byte[] media = new byte[300_000];
        new java.util.Random(7).nextBytes(media);
        byte[] text = "hello archive".getBytes(StandardCharsets.UTF_8);
        Path p = Archives.zip(dir.resolve("ok.zip"),
                Entry.of(ArchivePaths.MANIFEST, manifest(List.of("g"), file("g", "video", "v1", media),
                        file("g", "text", "t1", text))),
                Entry.of(ArchivePaths.groupJson("g"), group("g", run("r1", "0.25"))),
                Entry.stored(ArchivePaths.media("g", "video", "v1"), media),
                Entry.of(ArchivePaths.media("g", "text", "t1"), new String(text, StandardCharsets.UTF_8)));
        try (ArchiveSource a = ArchiveSource.open(p)) {
            assertEquals("G g", a.group("g").groupName());
            try (MediaStream s = a.openUpload(MediaKind.VIDEO, "v1", ByteRange.of(1000, 1999), Cancellation.none())) {
                assertEquals(206, s.status());
                assertArrayEquals(java.util.Arrays.copyOfRange(media, 1000, 2000), s.body().readAllBytes());
            }
            try (MediaStream s = a.openUpload(MediaKind.TEXT, "t1", ByteRange.of(6, 12), Cancellation.none())) {
                assertEquals("archive", new String(s.body().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(Files.exists(p));
    }
}

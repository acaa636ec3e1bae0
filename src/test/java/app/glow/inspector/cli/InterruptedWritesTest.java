package app.glow.inspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.hostile.RawServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what Ctrl+C and {@code kill} send) in the middle of a download or an export leaves no
 * hidden {@code .part} next to the target and nothing in the temporary folder. The CLI runs in a
 * child JVM (as a person runs it), against a server that sends a few MB and then stalls.
 */
@Timeout(90)
class InterruptedWritesTest {
    static final byte[] MB = new byte[1 << 20];

    static {
        new Random(7).nextBytes(MB);
    }

    /** Headers, {@code mb} MB at once, then nothing until the client goes away. */
    static RawServer.Handler stallingDownload(int mb) {
        return (head, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: video/mp4\r\n"
                    + "Content-Length: " + (100L << 20) + "\r\n\r\n");
            for (int i = 0; i < mb; i++) {
                out.write(MB);
            }
            out.flush();
            Thread.sleep(120_000);
        };
    }

    /** A ZIP export whose media entry stalls after {@code mb} MB. */
    static RawServer.Handler stallingExport(int mb) {
        return (head, out) -> {
            RawServer.write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/zip\r\n\r\n");
            ZipOutputStream z = new ZipOutputStream(out);
            z.putNextEntry(new ZipEntry("groups/g1/group.json"));
            z.write("{\"group_exists\": true, \"group_id\": \"g1\", \"runs\": []}".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("groups/g1/media/video/v-1"));
            for (int i = 0; i < mb; i++) {
                z.write(MB);
            }
            z.flush();
            out.flush();
            Thread.sleep(120_000);
        };
    }

    static Process startCli(RawServer server, Path tmp, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), GlowCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GLOW_"));
        pb.environment().putAll(Map.of("GLOW_INSTANCE_URL", server.url(), "GLOW_TOKEN", "tok-interrupted-0123"));
        pb.redirectOutput(tmp.getParent().resolve("child-" + System.nanoTime() + ".log").toFile());
        return pb.start();
    }

    static List<Path> under(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).collect(Collectors.toList());
        }
    }

    /** Waits until some file under {@code dir} matches, while the child still runs. */
    static void awaitFile(Path dir, Predicate<Path> what, Process p, String describe) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                throw new AssertionError("the CLI ended (exit " + p.exitValue() + ") before " + describe);
            }
            for (Path f : under(dir)) {
                if (Files.isRegularFile(f) && what.test(f)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("never saw " + describe + " in " + under(dir));
    }

    static boolean big(Path f) {
        try {
            return Files.size(f) >= (2 << 20);
        } catch (IOException gone) {
            return false; // deleted between the listing and the look: not the file we wait for
        }
    }

    void sigtermLeavesNothing(Path work, RawServer server, Path watchDir, Predicate<Path> midWrite, String... args)
            throws Exception {
        Path out = Files.createDirectories(work.resolve("out"));
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        Process p = startCli(server, tmp, args);
        try {
            awaitFile(watchDir == null ? out : tmp, midWrite, p, "the write in progress");
            awaitFile(out, f -> f.getFileName().toString().endsWith(".part"), p, "the hidden .part");
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the CLI did not stop on SIGTERM");
            assertEquals(List.of(), under(out), "left next to the target");
            assertEquals(List.of(), under(tmp), "left in the temporary folder");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigtermDuringADownloadLeavesNoPartFile(@TempDir Path work) throws Exception {
        try (RawServer server = new RawServer(stallingDownload(3))) {
            Path target = work.resolve("out").resolve("film.mp4");
            sigtermLeavesNothing(work, server, null, f -> f.getFileName().toString().endsWith(".part") && big(f),
                    "system", "video_download", "--body", "{\"video_upload_id\": \"v-1\"}", "--out", target.toString());
        }
    }

    @Test
    void sigtermDuringAnExportLeavesNoPartAndNoSpool(@TempDir Path work) throws Exception {
        try (RawServer server = new RawServer(stallingExport(3))) {
            Path target = work.resolve("out").resolve("review.zip");
            sigtermLeavesNothing(work, server, work.resolve("tmp"), InterruptedWritesTest::big,
                    "export", "--ids", "g1", "--out", target.toString());
        }
    }

    @Test
    void anExportIntoAPathThatIsNotAFolderNamesTheFolderAndWhy(@TempDir Path work) throws Exception {
        // Tests run as root, for whom every folder is writable; a path whose folder is a regular
        // file fails the same way a read-only folder does, at the same place, before any request.
        Path file = Files.writeString(work.resolve("notes.txt"), "a file");
        try (RawServer server = new RawServer(stallingExport(1))) {
            CliRun r = CliRun.run(Map.of("GLOW_INSTANCE_URL", server.url(), "GLOW_TOKEN", "tok-0123456789"),
                    "export", "--ids", "g1", "--out", file.resolve("review.zip").toString());
            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().contains("Cannot write review.zip into the folder " + file), r.err());
            assertTrue(r.err().contains("it is a file, not a folder"), r.err());
            assertFalse(r.err().contains(".part"), r.err());
            assertEquals(0, server.requestCount(), "nothing was asked of the server");
        }
    }
}

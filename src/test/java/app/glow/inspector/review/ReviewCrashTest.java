package app.glow.inspector.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing reviews (SIGKILL, no shutdown hooks, mid-transaction as likely
 * as not): every annotation it reported committed is there when the database is opened again,
 * and SQLite's integrity check passes. Twice, the second run on the database the first left.
 */
class ReviewCrashTest {
    @TempDir
    Path dir;

    @Test
    void nothingCommittedIsLostWhenTheWriterIsKilled() throws Exception {
        Path db = dir.resolve("reviews.db");
        Map<String, Set<String>> committed = new HashMap<>();
        for (int round = 0; round < 2; round++) {
            Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", System.getProperty("java.class.path"), ReviewWriterProcess.class.getName(),
                    db.toString())).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            int seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                int target = 40 + round * 37;
                while (seen < target && (line = out.readLine()) != null) {
                    if (record(committed, line)) {
                        seen++;
                    }
                }
                // killed while it goes on writing (destroy also closes the pipe: what was read is what is checked)
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the writer died");
            } finally {
                p.destroyForcibly();
            }
            assertTrue(seen >= 40, "the writer got going (" + seen + " saved)");

            try (SqliteReviewStore store = SqliteReviewStore.open(db)) {
                for (var e : committed.entrySet()) {
                    Set<String> stored = new HashSet<>();
                    store.annotations(ReviewWriterProcess.KEY, e.getKey()).forEach(a -> stored.add(a.id()));
                    Set<String> lost = new HashSet<>(e.getValue());
                    lost.removeAll(stored);
                    assertTrue(lost.isEmpty(), "round " + round + ": committed but lost in " + e.getKey() + ": " + lost);
                }
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
                assertTrue(r.next());
                assertEquals("ok", r.getString(1));
            }
        }
    }

    /** Takes one complete "SAVED group id" line; a line cut by the kill or a log line is not a report. */
    private static boolean record(Map<String, Set<String>> committed, String line) {
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[0].equals("SAVED") || parts[2].length() != 36) {
            return false;
        }
        committed.computeIfAbsent(parts[1], g -> new HashSet<>()).add(parts[2]);
        return true;
    }
}

package app.glow.inspector.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line's start and throughput, timed around the launcher as a user's shell runs it
 * (JVM start included). {@code start LAUNCHER}: the median wall time of {@code glow --version}
 * over 10 runs. {@code all-pages LAUNCHER GROUPS PAGE_SIZE}: {@code glow system groups --all-pages}
 * against a demo instance of GROUPS groups, over the same pages walked by a keep-alive Python loop
 * (bench/cli-raw-pages.py), both a few times in turn; the ratio of the medians. Run by
 * bench/cli-start.sh and bench/cli-all-pages.sh.
 */
public final class CliBench {
    public static void main(String[] args) throws Exception {
        Budget budget = new Budget();
        String launcher = args[1];
        if (args[0].equals("start")) {
            start(budget, launcher, 10);
        } else {
            allPages(budget, launcher, Integer.parseInt(args[2]), Integer.parseInt(args[3]), 3);
        }
        budget.exit();
    }

    static void start(Budget budget, String launcher, int runs) throws Exception {
        run(Map.of(), false, launcher, "--version"); // the first start after a build reads the files from disk
        double[] s = new double[runs];
        String out = "";
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Result r = run(Map.of(), false, launcher, "--version");
            s[i] = (System.nanoTime() - t0) / 1e9;
            out = r.out;
            check(r.exit == 0 && out.startsWith("glow "), "glow --version: exit " + r.exit + ", " + out);
        }
        System.out.printf("glow --version: %s; runs (s): %s%n", out.strip(), round(s));
        budget.atMost("glow --version, start to exit (median of " + runs + ")", median(s), 0.35, "s");
    }

    static void allPages(Budget budget, String launcher, int groups, int pageSize, int rounds) throws Exception {
        Process server = new ProcessBuilder(launcher, "demo-server", "--groups", Integer.toString(groups),
                "--live-step-ms", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Map<String, String> env = new HashMap<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            for (int i = 0; i < 2; i++) {
                String line = lines.readLine();
                check(line != null && line.startsWith("export "), "the demo instance did not start: " + line);
                String[] kv = line.substring("export ".length()).split("=", 2);
                env.put(kv[0], kv[1]);
            }
            String body = "{\"page_size\": " + pageSize + "}";
            String[] glow = {launcher, "system", "groups", "--body", body, "--all-pages"};
            String[] python = {"python3", "bench/cli-raw-pages.py", Integer.toString(pageSize)};
            // untimed: both see every group (and the instance's first pass, its JIT, counts for neither)
            Result rg = run(env, false, glow);
            check(rg.exit == 0 && rg.lines == groups, "glow: exit " + rg.exit + ", " + rg.lines + " lines, " + rg.err);
            Result rp = run(env, false, python);
            check(rp.exit == 0 && rp.err.strip().equals(Integer.toString(groups)), "python: " + rp.err);
            // timed: both write to /dev/null, so neither waits on a reader
            double[] g = new double[rounds];
            double[] p = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                check(run(env, true, glow).exit == 0, "glow failed");
                g[i] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                check(run(env, true, python).exit == 0, "python failed");
                p[i] = (System.nanoTime() - t0) / 1e9;
            }
            System.out.printf("groups: %,d, page_size: %d; glow --all-pages (s): %s; Python keep-alive loop (s): %s%n",
                    groups, pageSize, round(g), round(p));
            budget.atMost(String.format("glow system groups --all-pages, %,d groups / Python keep-alive loop "
                    + "(medians of %d)", groups, rounds), median(g) / median(p), 1.2, "x");
        } finally {
            server.destroy();
        }
    }

    private record Result(int exit, String out, long lines, String err) {
    }

    /**
     * Runs a command to its end; counts its output lines, keeps the first KB of output and stderr.
     * With {@code discard} its output goes to /dev/null instead (nothing counted).
     */
    private static Result run(Map<String, String> env, boolean discard, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        if (discard) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process p = pb.start();
        StringBuilder err = new StringBuilder();
        Thread errReader = new Thread(() -> err.append(head(p.getErrorStream())));
        errReader.start();
        StringBuilder head = new StringBuilder();
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = p.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
                if (head.length() < 1024) {
                    head.append(new String(buf, 0, Math.min(n, 1024), StandardCharsets.UTF_8));
                }
            }
        }
        int exit = p.waitFor();
        errReader.join();
        return new Result(exit, head.toString(), lines, err.toString());
    }

    private static String head(InputStream in) {
        try (in) {
            byte[] all = in.readAllBytes();
            return new String(all, 0, Math.min(all.length, 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(standard error unreadable: " + e.getMessage() + ")";
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static List<Double> round(double[] v) {
        List<Double> r = new ArrayList<>();
        for (double d : v) {
            r.add(Math.round(d * 100) / 100.0);
        }
        return r;
    }
}

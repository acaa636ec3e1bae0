package app.glow.inspector.bench;

import app.glow.inspector.api.GlowClient;
import app.glow.inspector.api.GlowConnection;
import app.glow.inspector.api.GlowHttp;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.api.RetryPolicy;
import app.glow.inspector.compare.CompareProgress;
import app.glow.inspector.compare.Comparison;
import app.glow.inspector.compare.ConversationAlignment;
import app.glow.inspector.compare.GroupLoad.Msg;
import app.glow.inspector.demo.DemoServer;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.service.RemoteSource;
import app.glow.inspector.source.Cancellation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The time to align two 5,000-message groups: (1) two synthetic sequences in memory, the right
 * one with a changed system prompt every run, inserted and missing turns; (2) the demo's
 * 5,296-position exam-review group against the same scenario's comparison pair, end to end over
 * loopback (windows of 200 and every text download). Run by bench/compare.sh.
 */
public final class CompareBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        List<Msg> left = new ArrayList<>(n);
        List<Msg> right = new ArrayList<>(n + n / 50);
        SplittableRandom r = new SplittableRandom(17);
        String[] roles = {"system", "user", "assistant"};
        for (int i = 0; i < n; i++) {
            String role = roles[i % 3];
            String text = role.equals("system") ? "You are a student persona. Stay in character. Run " + i / 3
                    : role + " turn " + i + ": " + "lorem ipsum dolor sit amet ".repeat(1 + r.nextInt(20));
            left.add(new Msg(i, "l" + i, role, text, false, List.of()));
            int dice = r.nextInt(100);
            if (dice == 0) {
                continue; // a missing turn
            }
            String changed = role.equals("system") ? text.replace("Stay in character", "Stay strictly in character")
                    : dice < 3 ? text + " (edited)" : text;
            right.add(new Msg(right.size(), "r" + i, role, changed, false, List.of()));
            if (dice == 99) {
                right.add(new Msg(right.size(), "x" + i, "user", "an inserted question " + i, false, List.of()));
            }
        }
        ConversationAlignment.align(left, right, CompareProgress.NONE, Cancellation.none()); // warm-up
        long best = Long.MAX_VALUE;
        ConversationAlignment a = null;
        for (int k = 0; k < 5; k++) {
            long t0 = System.nanoTime();
            a = ConversationAlignment.align(left, right, CompareProgress.NONE, Cancellation.none());
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("align %d vs %d messages (synthetic)     : %.1f ms best of 5 (%d rows: %d changed, "
                        + "%d only left, %d only right)%n", left.size(), right.size(), best / 1e6, a.rows().size(),
                a.count(ConversationAlignment.Kind.BOTH, false), a.count(ConversationAlignment.Kind.LEFT_ONLY, false),
                a.count(ConversationAlignment.Kind.RIGHT_ONLY, false));

        try (DemoServer server = DemoServer.start(DemoServer.Options.defaults().withLive(0, 15_000))) {
            GlowClient client = new GlowClient(GlowConnection.of(server.url(), server.token()), GlowHttp.newClient(),
                    GlowJson.newMapper(), RetryPolicy.DEFAULT);
            RemoteSource source = new RemoteSource(client, "bench", true, null);
            String huge = client.groups(new GroupsQuery(5, null, "Exam review marathon", null, null),
                    Cancellation.none()).groups().get(0).groupId();
            String small = client.groups(new GroupsQuery(5, null, "model comparison A", null, null),
                    Cancellation.none()).groups().get(0).groupId();
            long t0 = System.nanoTime();
            Comparison c = Comparison.load(source, huge, source, small, CompareProgress.NONE, Cancellation.none());
            long loaded = System.nanoTime();
            Comparison.of(c.left(), c.left(), CompareProgress.NONE, Cancellation.none());
            long self = System.nanoTime();
            System.out.printf("demo: load + align %d positions (%d distinct) vs %d, over loopback: %.1f s%n",
                    c.left().head().totalMessageCount(), c.left().messages().size(), c.right().messages().size(),
                    (loaded - t0) / 1e9);
            System.out.printf("demo: align the %d distinct messages against themselves         : %.1f ms%n",
                    c.left().messages().size(), (self - loaded) / 1e6);
        }
    }
}

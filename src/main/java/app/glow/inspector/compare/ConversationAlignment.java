package app.glow.inspector.compare;

import app.glow.inspector.compare.GroupLoad.Msg;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two message sequences aligned: Myers on (role, normalized text), so an inserted or missing
 * turn is a gap instead of shifting everything below it. Inside each changed stretch, messages of
 * the same role are paired (a longest common subsequence on roles, matched as late as possible so a
 * pair sits next to the unchanged text that follows) and shown as one changed row with a word diff.
 */
public final class ConversationAlignment {
    public enum Kind { BOTH, LEFT_ONLY, RIGHT_ONLY }

    /** One row: both sides (equal or changed), or one side with a gap on the other. */
    public record Row(Kind kind, Msg left, Msg right, boolean equal, List<WordDiff.Segment> words) {
    }

    /** A changed stretch bigger than this (cells) pairs roles in order instead of by LCS: bounded memory. */
    static final long PAIRING_CELLS = 4_000_000L;

    private final List<Row> rows;

    private ConversationAlignment(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    public long count(Kind kind, boolean equal) {
        return rows.stream().filter(r -> r.kind() == kind && (kind != Kind.BOTH || r.equal() == equal)).count();
    }

    /** What is compared: the role and the text with runs of white space made one space, trimmed. */
    record Key(String role, String text, int hash) {
        static Key of(Msg m) {
            String t = m.text().strip().replaceAll("\\s+", " ");
            String r = m.role().toLowerCase(Locale.ROOT);
            return new Key(r, t, 31 * r.hashCode() + t.hashCode());
        }

        boolean same(Key o) {
            return hash == o.hash && role.equals(o.role) && text.equals(o.text);
        }
    }

    public static ConversationAlignment align(List<Msg> left, List<Msg> right, CompareProgress progress,
                                              Cancellation c) throws SourceException {
        List<Key> a = left.stream().map(Key::of).toList();
        List<Key> b = right.stream().map(Key::of).toList();
        Patch<Key> patch;
        try {
            patch = DiffUtils.diff(a, b, new MyersDiff<Key>(Key::same), new Listener(progress, c));
        } catch (Stop cancelled) {
            throw SourceException.cancelled();
        }
        List<Row> rows = new ArrayList<>(Math.max(left.size(), right.size()));
        int i = 0;
        int j = 0;
        for (AbstractDelta<Key> d : patch.getDeltas()) {
            c.throwIfCancelled();
            int si = d.getSource().getPosition();
            int ti = d.getTarget().getPosition();
            while (i < si) {
                rows.add(new Row(Kind.BOTH, left.get(i++), right.get(j++), true, List.of()));
            }
            pair(left.subList(si, si + d.getSource().size()), right.subList(ti, ti + d.getTarget().size()), rows);
            i = si + d.getSource().size();
            j = ti + d.getTarget().size();
        }
        while (i < left.size()) {
            rows.add(new Row(Kind.BOTH, left.get(i++), right.get(j++), true, List.of()));
        }
        return new ConversationAlignment(rows);
    }

    /** Rows for one changed stretch: same-role pairs as changed rows, the rest as gaps. */
    static void pair(List<Msg> del, List<Msg> ins, List<Row> out) {
        int n = del.size();
        int m = ins.size();
        boolean[] matchA = new boolean[n];
        int[] partner = new int[n];
        if ((long) (n + 1) * (m + 1) <= PAIRING_CELLS) {
            int[][] dp = new int[n + 1][m + 1];
            for (int x = 1; x <= n; x++) {
                for (int y = 1; y <= m; y++) {
                    dp[x][y] = sameRole(del.get(x - 1), ins.get(y - 1)) ? dp[x - 1][y - 1] + 1
                            : Math.max(dp[x - 1][y], dp[x][y - 1]);
                }
            }
            // backtracking from the end matches the last candidates first ("as late as possible")
            for (int x = n, y = m; x > 0 && y > 0; ) {
                if (sameRole(del.get(x - 1), ins.get(y - 1)) && dp[x][y] == dp[x - 1][y - 1] + 1) {
                    matchA[x - 1] = true;
                    partner[x - 1] = y - 1;
                    x--;
                    y--;
                } else if (dp[x - 1][y] >= dp[x][y - 1]) {
                    x--;
                } else {
                    y--;
                }
            }
        } else {
            for (int x = 0, y = 0; x < n && y < m; x++, y++) {
                if (sameRole(del.get(x), ins.get(y))) {
                    matchA[x] = true;
                    partner[x] = y;
                }
            }
        }
        int y = 0;
        for (int x = 0; x < n; x++) {
            if (!matchA[x]) {
                out.add(new Row(Kind.LEFT_ONLY, del.get(x), null, false, List.of()));
                continue;
            }
            while (y < partner[x]) {
                out.add(new Row(Kind.RIGHT_ONLY, null, ins.get(y++), false, List.of()));
            }
            Msg l = del.get(x);
            Msg r = ins.get(y++);
            out.add(new Row(Kind.BOTH, l, r, false, WordDiff.diff(l.text(), r.text())));
        }
        while (y < m) {
            out.add(new Row(Kind.RIGHT_ONLY, null, ins.get(y++), false, List.of()));
        }
    }

    private static boolean sameRole(Msg a, Msg b) {
        return a.role().equalsIgnoreCase(b.role());
    }

    /** Thrown inside the diff to stop it on cancel; caught here and turned into CANCELLED. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super("cancelled", null, false, false);
        }
    }

    private record Listener(CompareProgress progress, Cancellation c) implements DiffAlgorithmListener {
        @Override
        public void diffStart() {
            progress.update("align", 0, -1);
        }

        @Override
        public void diffStep(int value, int max) {
            if (c.isCancelled()) {
                throw new Stop();
            }
            if ((value & 255) == 0) {
                progress.update("align", value, max);
            }
        }

        @Override
        public void diffEnd() {
            progress.update("align", 1, 1);
        }
    }
}

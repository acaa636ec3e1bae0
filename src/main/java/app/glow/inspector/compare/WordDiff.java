package app.glow.inspector.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts: runs of words (and the spaces and punctuation between) kept, added
 * or removed. Differences in white space alone are not changes; equal runs carry the left text.
 */
public final class WordDiff {
    public enum Op { EQUAL, INSERT, DELETE }

    /** A run of text: in both (EQUAL), only on the right (INSERT), only on the left (DELETE). */
    public record Segment(Op op, String text) {
    }

    /** Words, runs of spaces, and single other characters: punctuation changes show as such. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|\\s+|.", Pattern.DOTALL);

    private WordDiff() {
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public static List<Segment> diff(String left, String right) {
        List<String> a = tokens(left);
        List<String> b = tokens(right);
        // white space against white space is equal whatever its kind or length, as in the alignment's key
        Patch<String> patch = DiffUtils.diff(a, b, (x, y) -> x.equals(y) || (isSpace(x) && isSpace(y)));
        List<Segment> out = new ArrayList<>();
        int i = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            int at = d.getSource().getPosition();
            add(out, Op.EQUAL, a.subList(i, at));
            add(out, Op.DELETE, d.getSource().getLines());
            add(out, Op.INSERT, d.getTarget().getLines());
            i = at + d.getSource().size();
        }
        add(out, Op.EQUAL, a.subList(i, a.size()));
        return out;
    }

    private static boolean isSpace(String token) {
        return !token.isEmpty() && Character.isWhitespace(token.charAt(0));
    }

    private static void add(List<Segment> out, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.op() == op) {
            out.set(out.size() - 1, new Segment(op, last.text() + text));
        } else {
            out.add(new Segment(op, text));
        }
    }

    /** The changed words only, for tests and summaries: "-old +new" pairs in order. */
    public static String changes(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (s.op() != Op.EQUAL) {
                sb.append(sb.length() == 0 ? "" : " ").append(s.op() == Op.INSERT ? "+" : "-").append(s.text().strip());
            }
        }
        return sb.toString();
    }
}

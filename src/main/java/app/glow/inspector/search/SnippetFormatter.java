package app.glow.inspector.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into a {@link Snippet}: one line (control characters become
 * spaces), passages joined by an ellipsis, each cut to a window around its first match so a
 * 1 MB log line still gives a short excerpt.
 */
final class SnippetFormatter extends PassageFormatter {
    static final int WINDOW = 220;
    private static final String GAP = " … ";

    @Override
    public Object format(Passage[] passages, String content) {
        StringBuilder text = new StringBuilder();
        List<Snippet.Span> spans = new ArrayList<>();
        for (Passage p : passages) {
            if (p == null) {
                continue;
            }
            int from = p.getStartOffset();
            int to = p.getEndOffset();
            if (to - from > WINDOW) {
                int first = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : from;
                from = wordStart(content, Math.max(from, first - WINDOW / 4), first);
                to = Math.min(to, from + WINDOW);
            }
            if (text.length() > 0) {
                text.append(GAP);
            } else if (from > 0) {
                text.append("… ");
            }
            int base = text.length() - from;
            append(text, content, from, to);
            int last = -1;
            for (int i = 0; i < p.getNumMatches(); i++) {
                int s = Math.max(p.getMatchStarts()[i], from);
                int e = Math.min(p.getMatchEnds()[i], to);
                if (e <= s || s < last) {
                    continue; // outside the window, or inside the previous match
                }
                if (!spans.isEmpty() && last >= 0 && content.substring(last, s).isBlank() && s - last <= 2) {
                    // touching or one space apart: the words of a phrase read as one match
                    Snippet.Span prev = spans.remove(spans.size() - 1);
                    spans.add(new Snippet.Span(prev.start(), e + base));
                } else {
                    spans.add(new Snippet.Span(s + base, e + base));
                }
                last = e;
            }
            if (to < content.length()) {
                text.append(" …");
            }
        }
        return new Snippet(text.toString(), spans);
    }

    /** Moves a cut forward to the next word, so a snippet does not start mid-word (never past the match). */
    private static int wordStart(String content, int from, int limit) {
        if (from == 0 || Character.isWhitespace(content.charAt(from - 1))) {
            return from;
        }
        for (int i = from; i < limit && i < from + 20; i++) {
            if (Character.isWhitespace(content.charAt(i))) {
                return i + 1;
            }
        }
        return from;
    }

    private static void append(StringBuilder out, String content, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = content.charAt(i);
            out.append(Character.isISOControl(ch) ? ' ' : ch);
        }
    }
}

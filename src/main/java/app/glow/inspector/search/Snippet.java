package app.glow.inspector.search;

import java.util.List;

/**
 * A short excerpt of a message with the matched words marked by offsets (UTF-16 indexes into
 * {@code text}, end exclusive, sorted, not overlapping). Plain text: each view decides how to show
 * a match, so nothing from a message is ever interpreted as markup.
 */
public record Snippet(String text, List<Span> matches) {
    public static final Snippet EMPTY = new Snippet("", List.of());

    public record Span(int start, int end) {
    }

    public Snippet {
        text = text == null ? "" : text;
        matches = List.copyOf(matches);
    }

    /** The text with every match between {@code open} and {@code close}. */
    public String marked(String open, String close) {
        StringBuilder sb = new StringBuilder(text.length() + matches.size() * (open.length() + close.length()));
        int at = 0;
        for (Span s : matches) {
            sb.append(text, at, s.start()).append(open).append(text, s.start(), s.end()).append(close);
            at = s.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    /** HTML with the message text escaped and each match in {@code <mark>}. */
    public String html() {
        StringBuilder sb = new StringBuilder(text.length() + 32);
        int at = 0;
        for (Span s : matches) {
            escape(sb, text.substring(at, s.start()));
            sb.append("<mark>");
            escape(sb, text.substring(s.start(), s.end()));
            sb.append("</mark>");
            at = s.end();
        }
        escape(sb, text.substring(at));
        return sb.toString();
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
    }
}

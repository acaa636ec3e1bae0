package app.glow.inspector.review;

/**
 * Escapes untrusted text for HTML element content and quoted attribute values alike: {@code & < > " '}
 * become entities, and characters XML forbids (control characters, lone surrogates, U+FFFE/U+FFFF)
 * become U+FFFD, so a report stays well-formed XHTML whatever a message or a note holds.
 */
public final class Html {
    private Html() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n' -> b.append(ch);
                case '\r' -> b.append('\n');
                default -> {
                    if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(ch).append(s.charAt(++i));
                    } else if (ch < 0x20 || Character.isSurrogate(ch) || ch == 0xFFFE || ch == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}

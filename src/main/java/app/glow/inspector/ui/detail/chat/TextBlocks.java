package app.glow.inspector.ui.detail.chat;

import java.util.ArrayList;
import java.util.List;

/** Splits message text into prose and fenced code blocks (```), to show code monospaced. */
public final class TextBlocks {
    public record Block(String text, boolean code) {
    }

    private TextBlocks() {
    }

    public static List<Block> split(String text) {
        List<Block> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("```", i);
            if (open < 0) {
                add(out, text.substring(i), false);
                break;
            }
            add(out, text.substring(i, open), false);
            int lineEnd = text.indexOf('\n', open);
            int close = lineEnd < 0 ? -1 : text.indexOf("```", lineEnd);
            if (lineEnd < 0 || close < 0) {
                add(out, text.substring(open), true); // an unclosed fence: code to the end
                break;
            }
            add(out, text.substring(lineEnd + 1, close), true);
            int after = text.indexOf('\n', close);
            i = after < 0 ? text.length() : after + 1;
        }
        return out;
    }

    private static void add(List<Block> out, String s, boolean code) {
        String t = code ? stripTrailingNewline(s) : s.strip();
        if (!t.isEmpty()) {
            out.add(new Block(t, code));
        }
    }

    private static String stripTrailingNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}

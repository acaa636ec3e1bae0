package app.glow.inspector.ui.detail.chat;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.layout.VBox;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.Document;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Message text as Markdown, drawn with JavaFX nodes: never HTML, never a WebView. Parsing is
 * bounded (length, block nesting, inline nesting, node count); text past a bound is shown as
 * plain text with a note instead. Links are text; only web and mail links can be opened.
 */
public final class MarkdownNodes {
    /** Longer text is not parsed (previews are 32 KB; this is a second fence). */
    static final int MAX_CHARS = 64 * 1024;
    /** Blocks inside blocks (quotes, lists): deeper text is shown plain. */
    static final int MAX_BLOCK_DEPTH = 12;
    static final int MAX_INLINE_NESTING = 8;
    /** Parsed nodes (a big table is thousands): past this the text is shown plain. */
    static final int MAX_NODES = 4000;

    /** Immutable and thread-safe, so one serves every bubble. */
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .maxOpenBlockParsers(MAX_BLOCK_DEPTH + 1).maxInlineNesting(MAX_INLINE_NESTING).build();

    /** How a text is best shown. */
    public enum Verdict {
        /** Nothing Markdown would change (paragraphs of text, raw HTML shown as text anyway). */
        PLAIN,
        /** Markdown that renders differently from its source. */
        FORMATTED,
        /** Past a bound: shown as plain text, with {@link Parsed#note()} saying why. */
        TOO_COMPLEX
    }

    /** A parsed text: its document (null unless formatted), the verdict, and a note when too complex. */
    public record Parsed(String source, Node document, Verdict verdict, String note) {
    }

    private MarkdownNodes() {
    }

    /** Parses {@code text} within the bounds; cheap to call for plain text. */
    public static Parsed parse(String text) {
        String source = text == null ? "" : text;
        if (source.length() > MAX_CHARS) {
            return new Parsed(source, null, Verdict.TOO_COMPLEX, "Too long to format: shown as plain text.");
        }
        if (!mayBeMarkdown(source)) {
            return new Parsed(source, null, Verdict.PLAIN, null);
        }
        Node doc = PARSER.parse(source);
        int nodes = 0;
        int blockDepth = 0;
        int maxBlockDepth = 0;
        boolean formatted = false;
        Node n = doc;
        // iterative walk: a hostile document must not be able to exhaust the stack here
        while (n != null) {
            if (++nodes > MAX_NODES) {
                return new Parsed(source, null, Verdict.TOO_COMPLEX, "Too large to format: shown as plain text.");
            }
            formatted |= !plainNode(n);
            if (n.getFirstChild() != null) {
                if (n instanceof Block) {
                    maxBlockDepth = Math.max(maxBlockDepth, ++blockDepth);
                }
                n = n.getFirstChild();
                continue;
            }
            while (n != null && n.getNext() == null) {
                n = n.getParent();
                if (n instanceof Block) {
                    blockDepth--;
                }
            }
            n = n == null ? null : n.getNext();
        }
        if (maxBlockDepth > MAX_BLOCK_DEPTH) {
            return new Parsed(source, null, Verdict.TOO_COMPLEX, "Nested too deeply to format: shown as plain text.");
        }
        return formatted ? new Parsed(source, doc, Verdict.FORMATTED, null) : new Parsed(source, null, Verdict.PLAIN, null);
    }

    /** False when no character that starts Markdown syntax occurs: most chat lines skip the parser. */
    private static boolean mayBeMarkdown(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case '*', '_', '`', '#', '>', '-', '+', '|', '[', '!', '<', '~', '=', '\\', '&', '\t' -> {
                    return true;
                }
                case ' ' -> {
                    if (i + 3 < s.length() && s.startsWith("    ", i)) {
                        return true; // an indented code block
                    }
                }
                case '.', ')' -> {
                    if (i > 0 && Character.isDigit(s.charAt(i - 1))) {
                        return true; // "1." starts an ordered list
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Nodes that look the same as their source text. */
    private static boolean plainNode(Node n) {
        return n instanceof Document || n instanceof Paragraph || n instanceof Text || n instanceof SoftLineBreak
                || n instanceof HtmlInline || n instanceof HtmlBlock || n instanceof LinkReferenceDefinition;
    }

    /**
     * The nodes of a {@link Verdict#FORMATTED} text: blocks under one box (style class
     * {@code markdown}); runs matching {@code highlight} are marked; clicking an openable link
     * calls {@code onLink} (which asks the user first). "Copy text" and Ctrl+C copy a block's text.
     */
    public static VBox render(Parsed parsed, String highlight, Consumer<String> onLink) {
        if (parsed.document() == null) {
            throw new IllegalArgumentException("only a formatted text has nodes to render");
        }
        return new MarkdownBlocks(highlight, onLink).document(parsed.document(), parsed.source());
    }

    /** Only these links are ever opened: web pages and mail. Others are shown, not opened. */
    public static boolean isOpenable(String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (u.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false; // control characters hide what would be opened
        }
        return (u.startsWith("https://") || u.startsWith("http://")) && u.length() > u.indexOf("//") + 2
                || u.startsWith("mailto:") && u.length() > 7;
    }
}

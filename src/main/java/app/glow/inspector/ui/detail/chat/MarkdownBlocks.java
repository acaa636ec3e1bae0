package app.glow.inspector.ui.detail.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Builds the block nodes of a parsed Markdown document (paragraphs, headings, lists, quotes,
 * code, rules, tables). Each block carries its plain text, which "Copy text" and Ctrl+C copy.
 * Nesting was bounded by {@link MarkdownNodes#parse}, so recursion here is shallow.
 */
final class MarkdownBlocks {
    /** The node property holding a block's plain text. */
    static final String PLAIN_KEY = "markdown.plain";
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final String[] BULLETS = {"•", "◦", "▪"};

    private final String highlight;
    private final Consumer<String> onLink;

    MarkdownBlocks(String highlight, Consumer<String> onLink) {
        this.highlight = highlight == null ? "" : highlight;
        this.onLink = onLink;
    }

    VBox document(Node doc, String source) {
        VBox root = container(doc, 0);
        root.getStyleClass().add("markdown");
        // on click, after the list selected the message on press: the block takes the focus for Ctrl+C;
        // code blocks are MessageText and turn selectable on their own
        root.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            javafx.scene.Node block = blockAt(e.getPickResult().getIntersectedNode(), root);
            if (e.getButton() == MouseButton.PRIMARY && block != null && !(block instanceof MessageText)) {
                block.requestFocus();
            }
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e) && e.getTarget() instanceof javafx.scene.Node n && n.getProperties().get(PLAIN_KEY)
                    instanceof String plain) {
                copy(plain);
                e.consume();
            }
        });
        root.setOnContextMenuRequested(e -> {
            javafx.scene.Node block = blockAt(e.getPickResult().getIntersectedNode(), root);
            MenuItem copyBlock = new MenuItem("Copy text");
            copyBlock.setOnAction(a -> copy(block == null ? source : (String) block.getProperties().get(PLAIN_KEY)));
            MenuItem copySource = new MenuItem("Copy Markdown source");
            copySource.setOnAction(a -> copy(source));
            new ContextMenu(copyBlock, copySource).show(root, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        return root;
    }

    /** The innermost block around {@code n} (null outside any). */
    private static javafx.scene.Node blockAt(javafx.scene.Node n, javafx.scene.Node root) {
        for (javafx.scene.Node p = n; p != null && p != root; p = p.getParent()) {
            if (p.getProperties().containsKey(PLAIN_KEY)) {
                return p;
            }
        }
        return null;
    }

    private static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** The child blocks of {@code parent}, one under the other. */
    private VBox container(Node parent, int depth) {
        VBox box = new VBox(6);
        List<String> plain = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            javafx.scene.Node b = block(n, depth);
            if (b != null) {
                box.getChildren().add(b);
                plain.add((String) b.getProperties().get(PLAIN_KEY));
            }
        }
        box.getProperties().put(PLAIN_KEY, String.join("\n", plain));
        return box;
    }

    private javafx.scene.Node block(Node n, int depth) {
        if (n instanceof Paragraph) {
            return flow(n, "md-paragraph");
        } else if (n instanceof Heading h) {
            return flow(n, "md-heading", "md-h" + Math.min(6, Math.max(1, h.getLevel())));
        } else if (n instanceof ListBlock l) {
            return list(l, depth);
        } else if (n instanceof BlockQuote) {
            return tagged(container(n, depth + 1), null, "md-quote");
        } else if (n instanceof FencedCodeBlock f) {
            return code(f.getLiteral());
        } else if (n instanceof IndentedCodeBlock c) {
            return code(c.getLiteral());
        } else if (n instanceof ThematicBreak) {
            return tagged(new Separator(), "---", "md-rule");
        } else if (n instanceof HtmlBlock h) {
            return tagged(new MessageText(h.getLiteral().strip(), false), h.getLiteral().strip()); // shown as text
        } else if (n instanceof TableBlock t) {
            return table(t);
        } else if (n instanceof LinkReferenceDefinition) {
            return null; // a definition shows where it is used
        }
        return n.getFirstChild() instanceof org.commonmark.node.Block ? container(n, depth + 1) : flow(n);
    }

    private TextFlow flow(Node n, String... styles) {
        List<MarkdownInlines.Run> runs = MarkdownInlines.runs(n);
        TextFlow f = MarkdownInlines.flow(runs, highlight, onLink);
        return tagged(f, MarkdownInlines.plain(runs), styles);
    }

    private MessageText code(String literal) {
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        MessageText t = new MessageText(text, true);
        if (!highlight.isEmpty()
                && text.toLowerCase(java.util.Locale.ROOT).contains(highlight.toLowerCase(java.util.Locale.ROOT))) {
            t.makeSelectable().highlight(highlight);
        }
        return tagged(t, text);
    }

    private VBox list(ListBlock l, int depth) {
        VBox box = new VBox(2);
        int number = l instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        String delimiter = l instanceof OrderedList o && o.getMarkerDelimiter() != null ? o.getMarkerDelimiter() : ".";
        List<String> plain = new ArrayList<>();
        for (Node item = l.getFirstChild(); item != null; item = item.getNext()) {
            String mark = l instanceof BulletList ? BULLETS[depth % BULLETS.length] : (number++) + delimiter;
            Label marker = new Label(mark);
            marker.getStyleClass().add("md-list-marker");
            marker.setMinWidth(Region.USE_PREF_SIZE);
            VBox body = container(item, depth + 1);
            HBox.setHgrow(body, Priority.ALWAYS);
            HBox row = new HBox(6, marker, body);
            row.getStyleClass().add("md-list-item");
            box.getChildren().add(row);
            plain.add(mark + " " + body.getProperties().get(PLAIN_KEY));
        }
        return tagged(box, String.join("\n", plain), "md-list");
    }

    private GridPane table(TableBlock t) {
        GridPane grid = new GridPane();
        List<String> lines = new ArrayList<>();
        int row = 0;
        int columns = 0;
        for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                int col = 0;
                for (Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell cell) {
                        TextFlow f = flow(cell, cell.isHeader() ? "md-header-cell" : "md-cell");
                        f.setTextAlignment(align(cell.getAlignment()));
                        f.setMaxWidth(Double.MAX_VALUE);
                        grid.add(f, col++, row);
                        cells.add((String) f.getProperties().get(PLAIN_KEY));
                    }
                }
                columns = Math.max(columns, col);
                lines.add(String.join("\t", cells));
                row++;
            }
        }
        for (int i = 0; i < columns; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHgrow(Priority.SOMETIMES);
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
        }
        grid.setMaxWidth(Region.USE_PREF_SIZE);
        grid.setAlignment(Pos.TOP_LEFT);
        return tagged(grid, String.join("\n", lines), "md-table");
    }

    private static TextAlignment align(TableCell.Alignment a) {
        if (a == null) {
            return TextAlignment.LEFT;
        }
        return switch (a) {
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
            default -> TextAlignment.LEFT;
        };
    }

    private static <T extends javafx.scene.Node> T tagged(T node, String plain, String... styles) {
        if (plain != null) {
            node.getProperties().put(PLAIN_KEY, plain);
        }
        node.getStyleClass().add("md-block");
        node.getStyleClass().addAll(styles);
        return node;
    }
}

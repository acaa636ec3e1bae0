package app.glow.inspector.ui.detail.chat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableDoubleValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The nodes of one message bubble, built once per cell and refilled for each message the cell
 * shows. What changes from message to message (role, find match, flags) is a pseudo-class, not a
 * style class: a pseudo-class change only re-matches states, while a style-class change makes
 * JavaFX rebuild the CSS of the whole bubble, which is what made scrolling stall.
 */
final class BubbleNode {
    static final PseudoClass SYSTEM = PseudoClass.getPseudoClass("system");
    static final PseudoClass USER = PseudoClass.getPseudoClass("user");
    static final PseudoClass ASSISTANT = PseudoClass.getPseudoClass("assistant");
    static final PseudoClass OTHER = PseudoClass.getPseudoClass("other-role");
    static final PseudoClass MATCH = PseudoClass.getPseudoClass("find-match");
    static final PseudoClass CURRENT = PseudoClass.getPseudoClass("find-current");
    static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");
    static final PseudoClass NOTED = PseudoClass.getPseudoClass("noted");

    private final HBox line;
    private final VBox body;
    private final Label role = new Label();
    private final VBox texts = new VBox(4);
    private final Label calls = new Label();
    private final VBox marks = new VBox();
    private final VBox attachments = new VBox();
    private final List<MessageText> prose = new ArrayList<>();
    private final List<MessageText> code = new ArrayList<>();
    /** A bubble that is not the system prompt takes at most this much of the row. */
    private final javafx.beans.binding.DoubleBinding bubbleWidth;
    private String roleClass = "";
    private int proseUsed;
    private int codeUsed;

    BubbleNode(ObservableDoubleValue cellWidth) {
        this.bubbleWidth = javafx.beans.binding.Bindings.multiply(cellWidth, 0.78);
        role.getStyleClass().add("bubble-role");
        calls.setWrapText(true);
        calls.setGraphic(new FontIcon(Feather.TOOL));
        calls.getStyleClass().add("bubble-calls");
        optional(marks);
        optional(attachments);
        optional(calls);
        body = new VBox(4, role, marks, texts, attachments, calls);
        body.getStyleClass().add("bubble");
        line = new HBox(body);
        line.setPadding(new Insets(3, 8, 3, 8));
    }

    Node root() {
        return line;
    }

    VBox body() {
        return body;
    }

    /** Shows a message's frame: its title, role colours and highlights; the content comes after. */
    void frame(String title, String roleClassName, boolean match, boolean current, Node marks, boolean flagged) {
        role.setText(title);
        proseUsed = 0;
        codeUsed = 0;
        body.pseudoClassStateChanged(MATCH, match);
        body.pseudoClassStateChanged(CURRENT, current);
        body.pseudoClassStateChanged(FLAGGED, marks != null && flagged);
        body.pseudoClassStateChanged(NOTED, marks != null && !flagged);
        show(this.marks, marks);
        if (!roleClassName.equals(roleClass)) {
            roleClass = roleClassName;
            body.pseudoClassStateChanged(SYSTEM, roleClassName.equals("system"));
            body.pseudoClassStateChanged(USER, roleClassName.equals("user"));
            body.pseudoClassStateChanged(ASSISTANT, roleClassName.equals("assistant"));
            body.pseudoClassStateChanged(OTHER, roleClassName.equals("other"));
            layoutFor(roleClassName);
        }
    }

    private void layoutFor(String roleClassName) {
        body.maxWidthProperty().unbind();
        if (roleClassName.equals("system")) {
            HBox.setHgrow(body, Priority.ALWAYS);
            body.setMaxWidth(Double.MAX_VALUE);
            line.setAlignment(Pos.CENTER_LEFT);
        } else {
            HBox.setHgrow(body, Priority.NEVER);
            line.setAlignment(roleClassName.equals("user") ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            body.maxWidthProperty().bind(bubbleWidth);
        }
    }

    /** The area for the message's text blocks (filled now, or when the text arrives). */
    VBox texts() {
        return texts;
    }

    /**
     * Text blocks for this message, reusing the bubble's earlier blocks: a prose block stays a
     * prose block, so its CSS is already resolved and only the text and layout change. Blocks
     * are handed out in order from {@link #frame} on, so a message's several texts never share one.
     */
    List<Node> blocks(List<TextBlocks.Block> blocks) {
        List<Node> out = new ArrayList<>(blocks.size());
        for (TextBlocks.Block b : blocks) {
            List<MessageText> pool = b.code() ? code : prose;
            int k = b.code() ? codeUsed++ : proseUsed++;
            if (k == pool.size()) {
                pool.add(new MessageText(b.text(), b.code()));
            } else {
                pool.get(k).setText(b.text());
            }
            out.add(pool.get(k));
        }
        return out;
    }

    /** Shows the parts below the text: attachments and the tool-call summary. */
    void tail(Node attachmentStrip, String callsSummary) {
        show(attachments, attachmentStrip);
        calls.setText(callsSummary == null ? "" : callsSummary);
        calls.setVisible(callsSummary != null);
        calls.setManaged(callsSummary != null);
    }

    /** Shows these nodes in the text area, touching only what changed (a re-added node redoes its CSS). */
    void setTexts(List<Node> nodes) {
        var children = texts.getChildren();
        int same = 0;
        while (same < nodes.size() && same < children.size() && children.get(same) == nodes.get(same)) {
            same++;
        }
        if (same == nodes.size() && same == children.size()) {
            return;
        }
        children.remove(same, children.size());
        children.addAll(nodes.subList(same, nodes.size()));
    }

    private static void optional(javafx.scene.layout.Region r) {
        r.setVisible(false);
        r.setManaged(false);
    }

    /** An optional slot: hidden and empty, or showing its one node. */
    private static void show(VBox slot, Node content) {
        if (content == null) {
            slot.getChildren().clear();
        } else {
            slot.getChildren().setAll(content);
        }
        slot.setVisible(content != null);
        slot.setManaged(content != null);
    }
}

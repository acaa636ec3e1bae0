package app.glow.inspector.ui.detail.chat;

import app.glow.inspector.model.Message;
import app.glow.inspector.model.Run;
import app.glow.inspector.service.Conversation;
import app.glow.inspector.service.Money;
import app.glow.inspector.service.TextLoader;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.Formats;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.FileNames;
import app.glow.inspector.ui.detail.GroupDetailViewModel;
import app.glow.inspector.ui.detail.media.ImageViewer;
import app.glow.inspector.ui.detail.media.InlinePlayer;
import app.glow.inspector.ui.detail.media.MediaController;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One row of the conversation: a run separator, a message bubble (styled by role), a fold over
 * replayed context, or a placeholder that loads its window when it comes into view. Text is
 * fetched only while the bubble shows; a reused cell cancels its previous fetch.
 */
final class ConversationCell extends ListCell<Conversation.Item> {
    private final GroupDetailViewModel vm;
    private final ZoneId zone;
    private final app.glow.inspector.ui.DialogService dialogs;
    private final List<BackgroundRunner.Job> jobs = new ArrayList<>();
    private final List<InlinePlayer> players = new ArrayList<>();
    private final RowPresenter presenter;

    private final java.util.function.Supplier<app.glow.inspector.ui.review.ReviewViewModel> reviews;
    private static final javafx.css.PseudoClass SELECTED_RUN = javafx.css.PseudoClass.getPseudoClass("selected-run");
    // one node per row kind, made on first use and refilled after: a reused node keeps its CSS
    private Label separator;
    private Button foldButton;
    private Label placeholderLabel;
    private BubbleNode bubble;
    private final AttachmentStrip attachments;
    private final javafx.animation.PauseTransition settle =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(120));

    private final RowHeights heights;
    /** True when this row's content is all there (no text or thumbnail still loading): its height is final. */
    private boolean settled;

    ConversationCell(GroupDetailViewModel vm, ZoneId zone, app.glow.inspector.ui.DialogService dialogs,
                     java.util.function.Supplier<app.glow.inspector.ui.review.ReviewViewModel> reviews,
                     RowHeights heights) {
        this.vm = vm;
        this.heights = heights;
        this.attachments = new AttachmentStrip(vm, dialogs, () -> getScene() == null ? null : getScene().getWindow());
        // the row's own pref height decides; a computed minimum would lay the text out a second time
        setMinHeight(0);
        setMaxHeight(Double.MAX_VALUE);
        // graphic only: a cell with text beside the graphic measures the graphic at its width minus the
        // graphic's own unwrapped width, which for a full-width bubble is nothing, so rows came out too short
        setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        this.reviews = reviews;
        this.dialogs = dialogs;
        this.presenter = new RowPresenter(vm, zone);
        this.zone = zone;
        getStyleClass().add("conversation-cell");
    }

    @Override
    protected void updateItem(Conversation.Item item, boolean empty) {
        super.updateItem(item, empty);
        jobs.forEach(BackgroundRunner.Job::cancel);
        jobs.clear();
        players.forEach(InlinePlayer::dispose); // a recycled bubble frees its players
        players.clear();
        setText(null);
        settled = false;
        settle.stop();
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        RowPresenter.Row row = presenter.present(item);
        settled = !(row instanceof RowPresenter.PlaceholderRow);
        if (row instanceof RowPresenter.SeparatorRow h) {
            show(runHeader(h));
        } else if (row instanceof RowPresenter.BubbleRow m) {
            show(bubble(m));
        } else if (row instanceof RowPresenter.FoldRow f) {
            show(fold(f));
        } else if (row instanceof RowPresenter.PlaceholderRow p) {
            show(placeholder(p));
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        Conversation.Item item = getItem();
        if (isEmpty() || item == null) {
            // the theme's row size: the list fills the space below a short conversation with empty
            // rows, and rows of no height would have it make hundreds of them
            return super.computePrefHeight(width);
        }
        if (!settled || width <= 0) {
            return contentHeight(width);
        }
        double font = getFont().getSize();
        double known = heights.get(item, width, font);
        if (known >= 0) {
            return known;
        }
        double h = contentHeight(width);
        if (h > 1) { // a row measured before its nodes were there is not a height to remember
            heights.put(item, width, font, h);
        }
        return h;
    }

    /**
     * The row's height is its content's at this width. The theme gives list cells one fixed size
     * (-fx-cell-size), which the default skin returns as the preferred height whatever the content.
     */
    private double contentHeight(double width) {
        Node g = getGraphic();
        if (g == null) {
            return 0;
        }
        Insets in = getInsets();
        double inner = width > 0 ? width - in.getLeft() - in.getRight() : -1;
        double h = g.prefHeight(inner);
        if (g == placeholderLabel) {
            h = Math.max(h, placeholderLabel.getMinHeight()); // asking a bubble its minimum would lay its text out again
        }
        return snapSizeY(h + in.getTop() + in.getBottom());
    }

    /**
     * Content inside a row changed in place (a block became selectable text): its height is no
     * longer the one measured, so the row forgets it and measures again.
     */
    static void contentChanged(Node inside) {
        for (Node n = inside; n != null; n = n.getParent()) {
            if (n instanceof ConversationCell c) {
                c.settled = false;
                if (c.getItem() != null) {
                    c.heights.remove(c.getItem());
                }
                c.requestLayout();
                return;
            }
        }
    }

    /** True when this cell and all its parents are shown (the list's measuring cell sits in a hidden group). */
    private boolean onScreen() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return getScene() != null;
    }

    /** Draws the current item again (its highlights, review marks or run numbers changed). */
    void repaint() {
        if (isEmpty() || getItem() == null) {
            return;
        }
        if (!players.isEmpty() && bubble != null && presenter.present(getItem()) instanceof RowPresenter.BubbleRow row) {
            // media playing in this bubble keeps playing (a flag or a find while watching must not
            // stop it): only the frame is redrawn, and the row measures again
            frame(row);
            settled = false;
            heights.remove(getItem());
            requestLayout();
            return;
        }
        updateItem(getItem(), false);
    }

    /** Shows the row's node; the same node again is left in place, so its CSS stays resolved. */
    private void show(Node n) {
        if (getGraphic() != n) {
            setGraphic(n);
        }
    }

    private Node runHeader(RowPresenter.SeparatorRow h) {
        if (separator == null) {
            separator = new Label();
            separator.setWrapText(true);
            separator.getStyleClass().add("run-separator");
            separator.setMaxWidth(Double.MAX_VALUE);
            separator.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        separator.setText(h.text());
        separator.setAccessibleHelp(h.accessibleHelp());
        separator.setOnMouseClicked(e -> vm.conversation().selectedRunProperty().set(h.runIndex()));
        separator.pseudoClassStateChanged(SELECTED_RUN, h.selected());
        return separator;
    }

    private Node fold(RowPresenter.FoldRow f) {
        if (foldButton == null) {
            foldButton = new Button();
            foldButton.getStyleClass().addAll("replay-fold", "flat");
            foldButton.setMaxWidth(Double.MAX_VALUE);
        }
        foldButton.setText(f.text());
        foldButton.setGraphic(new FontIcon(f.open() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT));
        foldButton.setOnAction(e -> vm.conversation().toggleFold(f.runIndex()));
        return foldButton;
    }

    private Node placeholder(RowPresenter.PlaceholderRow p) {
        if (placeholderLabel == null) {
            placeholderLabel = new Label();
            placeholderLabel.getStyleClass().add("window-placeholder");
            placeholderLabel.setMaxWidth(Double.MAX_VALUE);
            placeholderLabel.setMinHeight(120);
        }
        placeholderLabel.setText(p.text());
        Conversation.Item shown = getItem();
        // The list also fills cells it only measures (to size the scroll bar), and a jump or a drag
        // of the thumb passes placeholders on its way: load a window only for a placeholder that
        // stays on screen a moment, or passing by would fetch every window of a long group.
        settle.setOnFinished(e -> {
            if (getItem() == shown && onScreen()) {
                vm.conversation().loadWindow(p.window());
            }
        });
        settle.playFromStart();
        return placeholderLabel;
    }

    /** The bubble's title, role colours, find highlight and review marks. */
    private void frame(RowPresenter.BubbleRow row) {
        Message m = row.message();
        Node marks = null;
        boolean flagged = false;
        var review = reviews.get();
        if (review != null && m.id() != null) {
            var notes = review.forMessage(m.id());
            marks = app.glow.inspector.ui.review.AnnotationMarks.of(notes, zone);
            flagged = notes.stream().anyMatch(a -> a.isFlag());
        }
        bubble.frame(row.title(), row.roleClass(), row.match(), row.current(), marks, flagged);
    }

    private Node bubble(RowPresenter.BubbleRow row) {
        Conversation.MessageItem item = row.item();
        Message m = row.message();
        if (bubble == null) {
            bubble = new BubbleNode(widthProperty());
        }
        frame(row);
        boolean current = row.current();
        List<Node> texts = new ArrayList<>();
        for (String textId : m.textUploadIds()) {
            TextLoader.Preview cached = vm.texts().cached(textId);
            if (cached != null) {
                texts.addAll(textNodes(textId, cached, current));
                continue;
            }
            VBox holder = new VBox(4);
            Label loading = new Label("…");
            loading.getStyleClass().add("text-muted");
            holder.getChildren().add(loading);
            texts.add(holder);
            settled = false;
            BackgroundRunner.Job job = vm.text(textId, p -> holder.getChildren().setAll(textNodes(textId, p, current)),
                    error -> holder.getChildren().setAll(errorLabel("Text unavailable: " + error)));
            if (job != null) {
                jobs.add(job);
            }
        }
        if (m.textUploadIds().isEmpty()) {
            Label none = new Label("(no text)");
            none.getStyleClass().add("text-muted");
            texts.add(none);
        }
        bubble.setTexts(texts);
        Node strip = attachments.strip(m, jobs, players);
        settled &= strip == null; // thumbnails and file details arrive later and change the height
        bubble.tail(strip, row.callsSummary());
        bubble.body().setOnMouseClicked(e -> {
            vm.conversation().selectedMessageProperty().set(m);
            vm.conversation().selectedRunProperty().set(item.runIndex());
        });
        return bubble.root();
    }

    /**
     * The nodes for one text upload, plus "Show all" for a long text. Plain text (most messages)
     * refills the bubble's reused blocks; Markdown is drawn as new nodes, and such a row keeps no
     * cached height, since its "Plain text" toggle changes the height in place.
     */
    private List<Node> textNodes(String textId, TextLoader.Preview p, boolean current) {
        List<Node> nodes;
        if (MarkdownNodes.parse(p.text()).verdict() == MarkdownNodes.Verdict.PLAIN) {
            nodes = new ArrayList<>(bubble.blocks(TextBlocks.split(p.text())));
            String query = vm.find().query().toLowerCase(java.util.Locale.ROOT);
            if (current && !query.isEmpty()) {
                for (Node n : nodes) {
                    MessageText t = (MessageText) n;
                    if (t.text().toLowerCase(java.util.Locale.ROOT).contains(query)) {
                        t.makeSelectable().highlight(vm.find().query());
                    }
                }
            }
        } else {
            settled = false;
            nodes = MessageBody.nodes(p.text(), textId, current ? vm.find().query() : "", vm.rendering(), dialogs);
        }
        if (!p.complete()) {
            Button all = new Button("Show all (" + size(p.totalBytes()) + ")");
            all.getStyleClass().add("show-all");
            all.setOnAction(e -> FullTextWindow.show(vm.source(), vm.runner(), textId, "Full text · " + textId,
                    getScene() == null ? null : getScene().getWindow()));
            Label note = new Label("Showing the first " + size(TextLoader.PREVIEW_BYTES) + " of " + size(p.totalBytes()));
            note.getStyleClass().add("text-muted");
            nodes.add(new HBox(8, note, all));
        }
        return nodes;
    }

    private static Label errorLabel(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("text-error");
        return l;
    }

    private static String size(long bytes) {
        return RowPresenter.size(bytes);
    }
}

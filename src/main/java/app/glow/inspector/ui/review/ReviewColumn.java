package app.glow.inspector.ui.review;

import app.glow.inspector.review.ReviewStatus;
import app.glow.inspector.review.ReviewSummary;
import app.glow.inspector.ui.groups.GroupListView;
import app.glow.inspector.ui.groups.GroupListViewModel;
import app.glow.inspector.ui.groups.GroupRow;
import java.util.Comparator;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** The list's "Review" column (status and flag count, sortable) and its status filter. */
public final class ReviewColumn {
    static final String ALL = "All reviews";
    static final String FLAGGED = "Flagged";

    private ReviewColumn() {
    }

    public static void install(GroupListView view, GroupListViewModel list, ReviewViewModel review) {
        TableColumn<GroupRow, ReviewSummary> c = new TableColumn<>("Review");
        c.setId("col-review");
        c.setPrefWidth(150);
        c.setCellValueFactory(d -> Bindings.createObjectBinding(() -> review.summary(d.getValue().groupId()),
                review.summaries()));
        c.setComparator(Comparator.comparing((ReviewSummary s) -> s.status().ordinal())
                .thenComparingInt(ReviewSummary::flags).thenComparingInt(ReviewSummary::notes));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ReviewSummary item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeIf(s -> s.startsWith("review-status-"));
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(item.text());
                getStyleClass().add("review-status-" + item.status().wire().replace('_', '-'));
            }
        });
        view.table().getColumns().add(Math.min(1, view.table().getColumns().size()), c);

        ComboBox<String> filter = new ComboBox<>();
        filter.setId("reviewFilter");
        filter.getItems().add(ALL);
        for (ReviewStatus s : ReviewStatus.values()) {
            filter.getItems().add(s.label());
        }
        filter.getItems().add(FLAGGED);
        filter.setValue(ALL);
        filter.setAccessibleText("Filter by review status");
        filter.setTooltip(new Tooltip("Show only groups with this review status (loaded groups)"));
        filter.valueProperty().addListener((o, a, b) -> list.setExtraFilter(predicate(b, review)));
        // a status changed elsewhere may move a row in or out of the filter
        review.summaries().addListener((MapChangeListener<String, ReviewSummary>) ch -> {
            if (!ALL.equals(filter.getValue())) {
                list.setExtraFilter(predicate(filter.getValue(), review));
            }
        });
        view.addFilter(filter);
    }

    static Predicate<GroupRow> predicate(String choice, ReviewViewModel review) {
        if (choice == null || ALL.equals(choice)) {
            return null;
        }
        if (FLAGGED.equals(choice)) {
            return r -> review.summary(r.groupId()).flags() > 0;
        }
        ReviewStatus wanted = ReviewStatus.fromWire(choice);
        return r -> review.summary(r.groupId()).status() == wanted;
    }
}

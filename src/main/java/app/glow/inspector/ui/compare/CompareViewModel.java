package app.glow.inspector.ui.compare;

import app.glow.inspector.compare.Comparison;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.ui.BackgroundRunner;
import app.glow.inspector.ui.ErrorText;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One comparison of two groups (from one source or two): loaded and aligned in the background,
 * window by window, with progress; closing the window cancels it. The view reads the result.
 */
public final class CompareViewModel {
    private final BackgroundRunner runner;
    private final ObjectProperty<Comparison> result = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private BackgroundRunner.Job job;

    public CompareViewModel(BackgroundRunner runner) {
        this.runner = runner;
    }

    public void start(GroupSource left, String leftId, GroupSource right, String rightId) {
        cancel();
        result.set(null);
        status.set("Reading both groups…");
        progress.set(-1);
        job = runner.submitBulk(c -> Comparison.load(left, leftId, right, rightId, (stage, done, total) ->
                runner.onFx(() -> {
                    status.set(switch (stage) {
                        case "left" -> "Reading the left group: " + done + (total > 0 ? " of " + total : "")
                                + " messages";
                        case "right" -> "Reading the right group: " + done + (total > 0 ? " of " + total : "")
                                + " messages";
                        default -> "Aligning the conversations…";
                    });
                    progress.set(total > 0 ? Math.min(1, (double) done / total) : -1);
                }), c), r -> {
                    result.set(r);
                    progress.set(1);
                    status.set(r.alignment().rows().size() + " aligned rows · "
                            + r.alignment().count(app.glow.inspector.compare.ConversationAlignment.Kind.BOTH, false)
                            + " changed · "
                            + r.alignment().count(app.glow.inspector.compare.ConversationAlignment.Kind.LEFT_ONLY, false)
                            + " only left · "
                            + r.alignment().count(app.glow.inspector.compare.ConversationAlignment.Kind.RIGHT_ONLY, false)
                            + " only right");
                }, t -> {
                    progress.set(0);
                    status.set("The comparison failed: " + ErrorText.of(t));
                });
    }

    public void cancel() {
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    public ObjectProperty<Comparison> resultProperty() {
        return result;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }
}

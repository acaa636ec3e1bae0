package app.glow.inspector.ui.review;

import app.glow.inspector.review.Annotation;
import app.glow.inspector.ui.Formats;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** How annotations look in a bubble or the group header: a coloured flag line and the note, as text. */
public final class AnnotationMarks {
    private AnnotationMarks() {
    }

    /** The marks for these annotations, or null when there are none. */
    public static Node of(List<Annotation> list, ZoneId zone) {
        if (list.isEmpty()) {
            return null;
        }
        VBox box = new VBox(2);
        box.getStyleClass().add("review-marks");
        for (Annotation a : list) {
            // a Label shows markup literally: notes are untrusted text like everything else
            Label l = new Label(line(a, zone));
            l.setWrapText(true);
            l.setGraphic(new FontIcon(a.isFlag() ? Feather.FLAG : Feather.EDIT_3));
            l.getStyleClass().add(a.isFlag() ? "review-flag" : "review-note");
            l.setAccessibleText(line(a, zone));
            box.getChildren().add(l);
        }
        return box;
    }

    /** "Possible misconduct — copied answer (Ana, 30 Nov 2026 10:00)". */
    public static String line(Annotation a, ZoneId zone) {
        StringBuilder b = new StringBuilder();
        if (a.isFlag()) {
            b.append(a.category());
        }
        if (!a.note().isBlank()) {
            b.append(b.length() > 0 ? " — " : "").append(a.note().strip());
        }
        b.append(" (").append(a.reviewer().isBlank() ? "unknown reviewer" : a.reviewer()).append(", ")
                .append(Formats.local(a.updated(), zone)).append(')');
        return b.toString();
    }
}

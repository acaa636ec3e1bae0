package app.glow.inspector.ui.review;

import app.glow.inspector.settings.Settings;
import app.glow.inspector.ui.DialogService;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.function.Supplier;

/** The reviewer's name: asked once, then remembered in the settings. FX thread. */
public final class ReviewerName {
    static final String KEY = "reviewerName";

    private ReviewerName() {
    }

    /** The saved name, or the one the user types now (saved); empty when declined. */
    public static Optional<String> get(Settings settings, Supplier<DialogService> dialogs) {
        var saved = settings.get(KEY);
        if (saved != null && saved.isTextual() && !saved.asText().isBlank()) {
            return Optional.of(saved.asText());
        }
        Optional<String> name = dialogs.get().askText("Reviewer name",
                "Your name signs every flag, note and status you set. Asked once.", "reviewerNameField")
                .map(String::strip).filter(s -> !s.isEmpty());
        name.ifPresent(n -> settings.put(KEY, TextNode.valueOf(n)));
        return name;
    }
}

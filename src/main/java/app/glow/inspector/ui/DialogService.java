package app.glow.inspector.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything that asks the user something in a modal window: files to open or save, a line of
 * text, a confirmation, a refusal to read. Views and flows take this interface, so tests can
 * answer without a native dialog.
 */
public interface DialogService {
    /** A file type for choosers: a name and glob patterns like {@code *.zip}. */
    record FileType(String name, String... patterns) {
    }

    Optional<Path> chooseFileToOpen(String title, FileType type);

    Optional<Path> chooseFileToSave(String title, String suggestedName, FileType type);

    Optional<String> askText(String title, String header, String fieldId);

    boolean confirm(String header, String text);

    /** A failure the user must read before going on (it never shows a Java class name). */
    void showError(String header, String text);

    /** What to put in an export: media or not, pseudonymized names or not. */
    record ExportChoice(boolean media, boolean pseudonymize) {
    }

    /** Asks how to export {@code groups} groups; empty when the user cancels. */
    Optional<ExportChoice> askExportOptions(int groups);

    /** A warning shown without blocking. */
    void showWarning(String header, String text);
}

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

    /** A flag category (null for a plain note) and the note text. */
    record AnnotationChoice(String category, String note) {
    }

    /**
     * Asks for a flag (a category from {@code categories} and a note) or, when {@code categories}
     * is empty, for a note alone; empty when the user cancels.
     */
    Optional<AnnotationChoice> askAnnotation(String title, String header, java.util.List<String> categories);

    /** Edits a list, one entry per line (flag categories); empty when cancelled. */
    Optional<java.util.List<String>> askLines(String title, String header, java.util.List<String> lines);

    /** Information the user reads and closes (keyboard shortcuts). */
    void showInfo(String header, String text);

    /** A warning shown without blocking. */
    void showWarning(String header, String text);
}

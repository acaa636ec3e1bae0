package app.glow.inspector.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the app's dialogs from a script, and records what was shown: flows tested without native windows. */
final class ScriptedDialogs implements DialogService {
    Path fileToOpen;
    Path fileToSave;
    String text;
    boolean confirm = true;
    ExportChoice exportChoice = new ExportChoice(true, false);
    final List<String> shown = new ArrayList<>();

    @Override
    public Optional<Path> chooseFileToOpen(String title, FileType type) {
        shown.add("open: " + title);
        return Optional.ofNullable(fileToOpen);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, FileType type) {
        shown.add("save: " + title + " [" + suggestedName + "]");
        return Optional.ofNullable(fileToSave);
    }

    @Override
    public Optional<String> askText(String title, String header, String fieldId) {
        shown.add("ask: " + title);
        return Optional.ofNullable(text);
    }

    @Override
    public boolean confirm(String header, String text) {
        shown.add("confirm: " + header);
        return confirm;
    }

    @Override
    public Optional<ExportChoice> askExportOptions(int groups) {
        shown.add("export options: " + groups);
        return Optional.ofNullable(exportChoice);
    }

    AnnotationChoice annotation;
    List<String> lines;

    @Override
    public Optional<AnnotationChoice> askAnnotation(String title, String header, List<String> categories) {
        shown.add("annotate: " + title + " " + categories);
        return Optional.ofNullable(annotation);
    }

    @Override
    public Optional<List<String>> askLines(String title, String header, List<String> current) {
        shown.add("lines: " + title);
        return Optional.ofNullable(lines);
    }

    @Override
    public void showInfo(String header, String text) {
        shown.add("info: " + header);
    }

    @Override
    public void showError(String header, String text) {
        shown.add("error: " + header + ": " + text);
    }

    @Override
    public void showWarning(String header, String text) {
        shown.add("warning: " + header + ": " + text);
    }
}

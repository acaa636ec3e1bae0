package app.glow.inspector.ui.detail.media;

import app.glow.inspector.model.MediaKind;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/** A window for one image: fit or actual size, zoom, pan (drag), save. Loaded in the background. */
public final class ImageViewer {
    private ImageViewer() {
    }

    public static Stage show(MediaController media, String uploadId, Runnable save, javafx.stage.Window owner) {
        Image image = new Image(media.url(MediaKind.IMAGE, uploadId), true);
        ImageView view = new ImageView(image);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setPannable(true);
        Label status = new Label("Loading…");
        image.progressProperty().addListener((o, a, p) -> status.setText(p.doubleValue() >= 1
                ? (image.isError() ? "Cannot show this image: " + image.getException() : (int) image.getWidth()
                + " × " + (int) image.getHeight()) : String.format("Loading %.0f%%", p.doubleValue() * 100)));
        ToggleButton fit = new ToggleButton("Fit");
        fit.setSelected(true);
        double[] zoom = {1};
        Runnable apply = () -> {
            if (fit.isSelected()) {
                view.fitWidthProperty().bind(scroll.widthProperty().subtract(20));
                view.fitHeightProperty().bind(scroll.heightProperty().subtract(20));
            } else {
                view.fitWidthProperty().unbind();
                view.fitHeightProperty().unbind();
                view.setFitWidth(image.getWidth() * zoom[0]);
                view.setFitHeight(image.getHeight() * zoom[0]);
            }
        };
        fit.setOnAction(e -> apply.run());
        Button in = new Button("Zoom in");
        in.setOnAction(e -> {
            fit.setSelected(false);
            zoom[0] = Math.min(16, zoom[0] * 1.5);
            apply.run();
        });
        Button out = new Button("Zoom out");
        out.setOnAction(e -> {
            fit.setSelected(false);
            zoom[0] = Math.max(0.05, zoom[0] / 1.5);
            apply.run();
        });
        Button saveButton = new Button("Save…");
        saveButton.setOnAction(e -> save.run());
        HBox bar = new HBox(8, fit, out, in, saveButton, status);
        bar.setPadding(new Insets(6));
        BorderPane root = new BorderPane(scroll);
        root.setTop(bar);
        apply.run();
        Stage stage = new Stage();
        stage.setTitle("Image · " + uploadId);
        stage.setScene(new Scene(root, 900, 650));
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.show();
        return stage;
    }
}

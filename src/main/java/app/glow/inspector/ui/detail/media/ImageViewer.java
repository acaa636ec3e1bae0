package app.glow.inspector.ui.detail.media;

import app.glow.inspector.ui.BackgroundRunner;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * A window for one image: fit or actual size, zoom, pan (drag), save. Decoded in the background,
 * subsampled to at most the screen's size, so a huge image costs what the screen shows.
 */
public final class ImageViewer {
    private ImageViewer() {
    }

    public static Stage show(MediaController media, String uploadId, Runnable save, javafx.stage.Window owner) {
        ImageView view = new ImageView();
        view.setPreserveRatio(true);
        view.setSmooth(true);
        ScrollPane scroll = new ScrollPane(view);
        scroll.setPannable(true);
        Label status = new Label("Loading…");
        status.setId("imageViewerStatus");
        // decoded no larger than the screen: what can be shown, never the original's megapixels
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double scale = Screen.getPrimary().getOutputScaleX();
        int maxW = (int) Math.min(4096, Math.max(640, screen.getWidth() * scale));
        int maxH = (int) Math.min(4096, Math.max(480, screen.getHeight() * scale));
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
                Image image = view.getImage();
                view.setFitWidth(image == null ? 0 : image.getWidth() * zoom[0]);
                view.setFitHeight(image == null ? 0 : image.getHeight() * zoom[0]);
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
        BackgroundRunner.Job job = media.image(uploadId, maxW, maxH, shown -> {
            view.setImage(shown.image());
            apply.run();
            long w = (long) shown.image().getWidth();
            status.setText(String.format("%,d × %,d", shown.sourceWidth(), shown.sourceHeight())
                    + (w < shown.sourceWidth() ? String.format(" (shown at %,d × %,d)", w,
                    (long) shown.image().getHeight()) : ""));
        }, reason -> status.setText("Cannot show this image: " + reason));
        stage.setOnHidden(e -> job.cancel());
        stage.show();
        return stage;
    }
}

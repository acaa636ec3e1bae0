package app.glow.inspector.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what a test's window shows as a PNG under target/screenshots (the README's pictures). */
final class Screenshots {
    private Screenshots() {
    }

    static Path save(Scene scene, String name) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        javax.imageio.ImageIO.write(out, "png", file.toFile());
        return file;
    }

    /** What the scene shows now, to be saved later with what opens over it. */
    static WritableImage snapshot(Scene scene) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
    }

    /**
     * Saves {@code base} (a snapshot of {@code scene}) with popup windows drawn over it where they
     * stand on screen: a popup is a window of its own, which a scene snapshot leaves out.
     */
    static Path save(WritableImage base, Scene scene, String name, javafx.stage.Window... popups) throws Exception {
        BufferedImage out = awt(base);
        java.awt.Graphics2D g = out.createGraphics();
        try {
            for (javafx.stage.Window w : popups) {
                WritableImage img = WaitForAsyncUtils.asyncFx(() -> w.getScene().snapshot(null)).get();
                double x = w.getX() + w.getScene().getX() - scene.getWindow().getX() - scene.getX();
                double y = w.getY() + w.getScene().getY() - scene.getWindow().getY() - scene.getY();
                g.drawImage(awt(img), (int) Math.round(x), (int) Math.round(y), null);
            }
        } finally {
            g.dispose();
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        javax.imageio.ImageIO.write(out, "png", file.toFile());
        return file;
    }

    private static BufferedImage awt(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }
}

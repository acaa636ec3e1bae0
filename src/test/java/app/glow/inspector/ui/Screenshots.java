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
}

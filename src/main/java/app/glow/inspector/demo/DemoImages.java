package app.glow.inspector.demo;

import app.glow.inspector.demo.DemoDataset.UploadRef;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** The demo's generated pictures: a whiteboard sketch and a chart, different for every seed. */
final class DemoImages {
    private DemoImages() {
    }

    static byte[] whiteboard(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(640, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xf7f5ef));
            g.fillRect(0, 0, 640, 420);
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            int n = 3 + r.nextInt(2);
            g.setColor(new Color(0x1f4e9c));
            g.drawString("Whiteboard: fact(" + n + ") call stack", 24, 36);
            int x = 60;
            int y = 80;
            for (int i = n; i >= 0; i--) {
                int jitter = r.nextInt(5) - 2;
                g.setColor(new Color(0x2b2b2b));
                g.drawRoundRect(x + jitter, y, 200, 44, 14, 14);
                g.drawString(i == 0 ? "fact(0) = 1   ← base case" : "fact(" + i + ") = " + i + " * fact(" + (i - 1)
                        + ")", x + 12, y + 29);
                if (i > 0) {
                    g.setColor(new Color(0xc0392b));
                    g.drawLine(x + 100, y + 46, x + 130, y + 70);
                }
                x += 40;
                y += 70;
            }
            g.setColor(new Color(0x16a085));
            g.drawString("returns: 1 → 1 → 2 → 6" + (n == 4 ? " → 24" : ""), 340, 390);
        } finally {
            g.dispose();
        }
        return encodePng(img);
    }

    static byte[] chart(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BufferedImage img = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 640, 400);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.setColor(new Color(0x333333));
            g.drawString("Score distribution, HW " + (1 + r.nextInt(9)), 24, 32);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawLine(60, 340, 600, 340);
            g.drawLine(60, 340, 60, 60);
            String[] bins = {"0-4", "5-8", "9-12", "13-16", "17-20"};
            int[] heights = new int[bins.length];
            for (int i = 0; i < bins.length; i++) {
                heights[i] = 20 + r.nextInt(240);
            }
            for (int i = 0; i < bins.length; i++) {
                int bx = 90 + i * 100;
                g.setColor(new Color(0x3b6fd8));
                g.fillRect(bx, 340 - heights[i], 60, heights[i]);
                g.setColor(new Color(0x333333));
                g.drawString(bins[i], bx + 12, 360);
                g.drawString(String.valueOf(heights[i] / 8), bx + 20, 334 - heights[i]);
            }
        } finally {
            g.dispose();
        }
        return encodePng(img);
    }

    private static byte[] encodePng(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

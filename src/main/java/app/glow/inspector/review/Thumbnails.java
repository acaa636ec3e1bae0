package app.glow.inspector.review;

import app.glow.inspector.model.MediaKind;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.ImageProbe;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Small copies of flagged images for the case report, as {@code data:} URIs: the download is
 * bounded, the declared size is checked before decoding (no image bombs), the decoder reads
 * every n-th pixel so a large photo never sits in memory whole, and the result is re-encoded
 * (PNG, or JPEG when that is much smaller and nothing is transparent) so the report carries no
 * original file. Anything unreadable becomes a sentence instead of a picture.
 */
final class Thumbnails {
    static final int MAX_WIDTH = 320;
    static final int MAX_HEIGHT = 480;
    /** Bytes of one image the report will download. */
    static final int MAX_INPUT_BYTES = 24 * 1024 * 1024;

    /** A data URI, or the reason there is none. */
    record Thumb(String dataUri, int width, int height, String problem) {
        static Thumb failed(String why) {
            return new Thumb(null, 0, 0, why);
        }
    }

    private final GroupSource source;

    Thumbnails(GroupSource source) {
        this.source = source;
    }

    Thumb of(String uploadId, Cancellation c) throws SourceException {
        byte[] bytes;
        try (MediaStream s = source.openUpload(MediaKind.IMAGE, uploadId, null, c)) {
            if (s.contentLength() > MAX_INPUT_BYTES) {
                return Thumb.failed(tooLarge(s.contentLength()));
            }
            bytes = readAtMost(s.body(), MAX_INPUT_BYTES + 1);
        } catch (SourceException e) {
            if (e.reason() == SourceException.Reason.CANCELLED) {
                throw e;
            }
            return Thumb.failed("The image could not be downloaded: " + e.getMessage());
        } catch (IOException e) {
            return Thumb.failed("The image could not be downloaded: " + e.getMessage());
        }
        if (bytes.length > MAX_INPUT_BYTES) {
            return Thumb.failed(tooLarge(bytes.length));
        }
        return fromBytes(bytes);
    }

    private static String tooLarge(long n) {
        return String.format("The image is %,d bytes, over the %,d the report embeds.", n, MAX_INPUT_BYTES);
    }

    static Thumb fromBytes(byte[] bytes) {
        String refusal = ImageProbe.refusal(ImageProbe.read(bytes));
        if (refusal != null) {
            return Thumb.failed(refusal);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Thumb.failed("The image is in a format the report cannot read.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > ImageProbe.MAX_PIXELS) {
                    return Thumb.failed(ImageProbe.refusal(new ImageProbe.Size(w, h)));
                }
                int step = Math.max(1, Math.max(ceilDiv(w, MAX_WIDTH * 2), ceilDiv(h, MAX_HEIGHT * 2)));
                ImageReadParam p = reader.getDefaultReadParam();
                p.setSourceSubsampling(step, step, 0, 0);
                BufferedImage sub = reader.read(0, p);
                return encode(scale(sub));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // decoders throw unchecked errors on hostile input too; the report says so and goes on
            return Thumb.failed("The image could not be decoded (" + (e.getMessage() == null ? "damaged data"
                    : e.getMessage()) + ").");
        }
    }

    /** Subsampling brought it within twice the bound; a smooth scale does the rest. */
    private static BufferedImage scale(BufferedImage img) {
        double f = Math.min(1.0, Math.min((double) MAX_WIDTH / img.getWidth(), (double) MAX_HEIGHT / img.getHeight()));
        int w = Math.max(1, (int) Math.round(img.getWidth() * f));
        int h = Math.max(1, (int) Math.round(img.getHeight() * f));
        boolean alpha = img.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Thumb encode(BufferedImage img) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        String type = "image/png";
        byte[] bytes = png.toByteArray();
        if (!img.getColorModel().hasAlpha() && bytes.length > 64 * 1024) {
            byte[] jpeg = jpeg(img);
            if (jpeg.length < bytes.length / 2) {
                bytes = jpeg;
                type = "image/jpeg";
            }
        }
        return new Thumb("data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes), img.getWidth(),
                img.getHeight(), null);
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buf = new byte[64 * 1024];
        int n;
        while (out.size() < max && (n = in.read(buf, 0, Math.min(buf.length, max - out.size()))) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}

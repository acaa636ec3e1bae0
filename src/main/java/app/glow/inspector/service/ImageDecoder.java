package app.glow.inspector.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an image at the size it is shown, never at its own: the reader skips rows and columns
 * as it decodes ({@link ImageReadParam#setSourceSubsampling}), so memory follows the target (a
 * 49-megapixel PNG becomes a thumbnail without ever holding 49 megapixels), then a smooth scale
 * brings it within the target exactly. Declared sizes over {@link ImageProbe#MAX_PIXELS} (read
 * by {@link ImageProbe}'s bounded walk, then by the reader) are refused before decoding. Headless (java.desktop only): the views turn the pixels into images.
 */
public final class ImageDecoder {
    /** Encoded bytes read at most: the reader caches what it reads, in memory. */
    public static final long MAX_ENCODED_BYTES = 64L << 20;

    /** Pixels as 0xAARRGGBB rows, and the size of the image they were decoded from. */
    public record Decoded(int width, int height, int[] argb, long sourceWidth, long sourceHeight) {
    }

    /** An image that will not be decoded, with the sentence that says why. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    private ImageDecoder() {
    }

    public static Decoded decode(InputStream encoded, int maxWidth, int maxHeight) throws IOException {
        InputStream bounded = new LimitedInput(encoded, MAX_ENCODED_BYTES);
        try (ImageInputStream iis = new MemoryCacheImageInputStream(bounded)) {
            // our own bounded walk first (a reader may give up before a late JPEG size marker)
            iis.mark();
            String declared = ImageProbe.refusal(ImageProbe.read(new ImageInput(iis)));
            if (declared != null) {
                throw new Refused(declared);
            }
            iis.reset();
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new Refused("The image could not be decoded (not a format the inspector can show).");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                String refusal = ImageProbe.refusal(new ImageProbe.Size(w, h));
                if (refusal != null) {
                    throw new Refused(refusal);
                }
                if (w <= 0 || h <= 0) {
                    throw new Refused("This image declares no pixels.");
                }
                double factor = Math.max((double) w / maxWidth, (double) h / maxHeight);
                int step = (int) Math.max(1, Math.floor(factor));
                ImageReadParam p = reader.getDefaultReadParam();
                p.setSourceSubsampling(step, step, 0, 0);
                BufferedImage img = reader.read(0, p);
                BufferedImage fit = fit(img, maxWidth, maxHeight);
                int fw = fit.getWidth();
                int fh = fit.getHeight();
                return new Decoded(fw, fh, fit.getRGB(0, 0, fw, fh, null, 0, fw), w, h);
            } finally {
                reader.dispose();
            }
        } catch (Refused e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports damaged data as IIOException or, for some formats, runtime errors
            throw new Refused("The image could not be decoded (" + (e.getMessage() == null ? "damaged data"
                    : e.getMessage()) + ").");
        }
    }

    /** Scaled down smoothly to fit, keeping the ratio; returned as is when it already fits. */
    private static BufferedImage fit(BufferedImage img, int maxWidth, int maxHeight) {
        double scale = Math.min(1, Math.min((double) maxWidth / img.getWidth(), (double) maxHeight / img.getHeight()));
        if (scale >= 1) {
            return img;
        }
        int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(img, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** An ImageInputStream read as a plain stream (for the probe). */
    private static final class ImageInput extends InputStream {
        private final ImageInputStream in;

        ImageInput(ImageInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }
    }

    /** Fails past {@code max} bytes, so the reader's in-memory cache stays bounded. */
    private static final class LimitedInput extends java.io.FilterInputStream {
        private final long max;
        private long n;

        LimitedInput(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0 && (n += r) > max) {
                throw new Refused("This image file is larger than " + (max >> 20) + " MB, too large to preview.");
            }
            return r;
        }
    }
}

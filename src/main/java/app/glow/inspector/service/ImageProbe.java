package app.glow.inspector.service;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads an image's declared width and height from its first bytes (PNG, JPEG, GIF, BMP), so an
 * image bomb is refused before anything is decoded.
 */
public final class ImageProbe {
    /** Images declaring more than this many pixels are not decoded. */
    public static final long MAX_PIXELS = 50_000_000L;

    public record Size(long width, long height) {
        public long pixels() {
            return width * height;
        }
    }

    private ImageProbe() {
    }

    /** The declared size, or null when the header is not one we know (the decoder will judge). */
    public static Size read(byte[] b) {
        if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
            ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
            return new Size(bb.getInt(16) & 0xffffffffL, bb.getInt(20) & 0xffffffffL);
        }
        if (b.length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            return new Size(bb.getShort(6) & 0xffff, bb.getShort(8) & 0xffff);
        }
        if (b.length >= 26 && b[0] == 'B' && b[1] == 'M') {
            ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            return new Size(Math.abs(bb.getInt(18)), Math.abs(bb.getInt(22)));
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            int i = 2;
            while (i + 9 < b.length) {
                if ((b[i] & 0xff) != 0xFF) {
                    i++;
                    continue;
                }
                int marker = b[i + 1] & 0xff;
                int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                    int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                    int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                    return new Size(w, h);
                }
                i += 2 + len;
            }
        }
        return null;
    }

    /** Why an image must not be decoded, or null when it may be. */
    public static String refusal(Size s) {
        if (s != null && s.pixels() > MAX_PIXELS) {
            return String.format("This image declares %,d × %,d pixels (%.0f megapixels), over the 50-megapixel "
                    + "limit, so it is not decoded.", s.width(), s.height(), s.pixels() / 1e6);
        }
        return null;
    }
}

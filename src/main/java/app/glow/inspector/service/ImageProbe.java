package app.glow.inspector.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads an image's declared width and height (PNG, JPEG, GIF, BMP), so an image bomb is refused
 * before anything is decoded. A JPEG's size marker may sit after any number of other segments (a
 * comment, EXIF, ICC profiles), so the stream is walked segment by segment, skipping bodies
 * without keeping them, within {@link #MAX_WALK_BYTES} and {@link #MAX_SEGMENTS}.
 */
public final class ImageProbe {
    /** Images declaring more than this many pixels are not decoded. */
    public static final long MAX_PIXELS = 50_000_000L;

    public record Size(long width, long height) {
        public long pixels() {
            return width * height;
        }
    }

    /** How far into a JPEG the size marker is looked for; beyond, the image is refused as unreadable. */
    public static final long MAX_WALK_BYTES = 16L << 20;
    static final int MAX_SEGMENTS = 10_000;

    private ImageProbe() {
    }

    /**
     * The declared size read from a stream, walking a JPEG's segments wherever its size marker
     * is; null when the format is not one we know or no size was found within the bounds.
     */
    public static Size read(InputStream in) throws IOException {
        byte[] head = in.readNBytes(26);
        if (head.length < 4 || (head[0] & 0xff) != 0xFF || (head[1] & 0xff) != 0xD8) {
            return read(head);
        }
        InputStream s = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 2, head.length - 2), in);
        long walked = 2;
        for (int n = 0; n < MAX_SEGMENTS && walked < MAX_WALK_BYTES; n++) {
            int b = s.read();
            if (b != 0xFF) {
                return null; // not at a marker: damaged, let nothing decode it on our word
            }
            int marker;
            do {
                marker = s.read(); // 0xFF fill bytes may precede a marker
                walked++;
            } while (marker == 0xFF);
            walked++;
            if (marker < 0 || marker == 0xD9 || marker == 0xDA) {
                return null; // end of image or start of scan before any frame header
            }
            if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            int len = (s.read() << 8) | s.read();
            if (len < 2) {
                return null;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                byte[] f = s.readNBytes(5);
                if (f.length < 5) {
                    return null;
                }
                return new Size(((f[3] & 0xff) << 8) | (f[4] & 0xff), ((f[1] & 0xff) << 8) | (f[2] & 0xff));
            }
            try {
                s.skipNBytes(len - 2);
            } catch (java.io.EOFException truncated) {
                return null; // the file ends inside a segment: no size to read, the decoder will refuse it
            }
            walked += len;
        }
        return null;
    }

    /**
     * The declared size from the first bytes, or null when the header is not one we know (the
     * decoder will judge). A JPEG's size is found here only if it is within these bytes: use
     * {@link #read(InputStream)} to walk the whole stream.
     */
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

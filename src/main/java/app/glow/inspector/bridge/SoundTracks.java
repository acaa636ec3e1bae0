package app.glow.inspector.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Hides an MP4's sound tracks so a video plays on a computer with no audio output device:
 * JavaFX refuses a whole video when it cannot open the audio device, and muting does not help
 * (the device is opened anyway). Renaming each sound {@code trak} box to {@code free} (four bytes,
 * same length, every offset unchanged) leaves a file the player reads as video only.
 */
final class SoundTracks {
    /** The movie box is read whole to find the tracks; beyond this the video keeps its sound. */
    static final long MAX_MOOV_BYTES = 32L * 1024 * 1024;
    private static final byte[] FREE = "free".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_TOP_LEVEL_BOXES = 64;

    /** Reads up to {@code length} bytes at {@code offset} (fewer at the end of the file). */
    interface Reader {
        byte[] read(long offset, int length) throws IOException;
    }

    private SoundTracks() {
    }

    /**
     * The absolute offsets of the type field of every sound track box; empty when there is none
     * or the file is not an MP4 this understands (then nothing is changed).
     */
    static long[] find(Reader in, long total) throws IOException {
        long offset = 0;
        for (int i = 0; i < MAX_TOP_LEVEL_BOXES && offset + 8 <= total; i++) {
            byte[] h = in.read(offset, 16);
            if (h.length < 8) {
                break;
            }
            long size = u32(h, 0);
            int header = 8;
            if (size == 1 && h.length >= 16) {
                size = u64(h, 8);
                header = 16;
            } else if (size == 0) {
                size = total - offset;
            }
            if (size < header || size > total - offset) {
                break;
            }
            if (type(h, 4).equals("moov")) {
                if (size > MAX_MOOV_BYTES) {
                    break;
                }
                byte[] moov = in.read(offset, (int) size);
                return moov.length == size ? soundTracks(moov, header, offset) : new long[0];
            }
            offset += size;
        }
        return new long[0];
    }

    private static long[] soundTracks(byte[] moov, int start, long base) {
        long[] found = new long[0];
        for (int p = start; p + 8 <= moov.length; ) {
            long size = u32(moov, p);
            if (size < 8 || p + size > moov.length) {
                break;
            }
            if (type(moov, p + 4).equals("trak") && "soun".equals(handler(moov, p, (int) size))) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = base + p + 4;
            }
            p += (int) size;
        }
        return found;
    }

    /** The handler type in trak/mdia/hdlr, or null. */
    private static String handler(byte[] b, int trak, int trakSize) {
        int mdia = child(b, trak + 8, trak + trakSize, "mdia");
        if (mdia < 0) {
            return null;
        }
        int hdlr = child(b, mdia + 8, mdia + (int) u32(b, mdia), "hdlr");
        // size, type, version+flags, pre_defined, then the handler type
        return hdlr < 0 || hdlr + 20 > b.length ? null : type(b, hdlr + 16);
    }

    private static int child(byte[] b, int from, int to, String wanted) {
        for (int p = from; p + 8 <= to; ) {
            long size = u32(b, p);
            if (size < 8 || p + size > to) {
                return -1;
            }
            if (type(b, p + 4).equals(wanted)) {
                return p;
            }
            p += (int) size;
        }
        return -1;
    }

    /** Writes "free" over the sound track types that fall in {@code buf[off, off+len)}, which starts at byte {@code at}. */
    static void hide(byte[] buf, int off, int len, long at, long[] positions) {
        for (long p : positions) {
            for (int k = 0; k < 4; k++) {
                long abs = p + k;
                if (abs >= at && abs < at + len) {
                    buf[off + (int) (abs - at)] = FREE[k];
                }
            }
        }
    }

    private static long u32(byte[] b, int p) {
        return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFFL) << 16) | ((b[p + 2] & 0xFFL) << 8) | (b[p + 3] & 0xFFL);
    }

    private static long u64(byte[] b, int p) {
        long v = (u32(b, p) << 32) | u32(b, p + 4);
        return v < 0 ? Long.MAX_VALUE : v;
    }

    private static String type(byte[] b, int p) {
        return new String(b, p, 4, StandardCharsets.ISO_8859_1);
    }
}

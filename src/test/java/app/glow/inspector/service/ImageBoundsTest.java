package app.glow.inspector.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Images crafted byte by byte: a JPEG whose size marker hides behind 70 KB of comments, and a
 * 49-megapixel PNG (under the 50-megapixel bound) that must become a thumbnail in a small heap.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ImageBoundsTest {
    /** SOI, two comment segments (70 KB in all), then a frame header declaring 10,000 × 10,000. */
    static byte[] jpegWithLateSize() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeShort(0xFFD8);
        for (int i = 0; i < 2; i++) {
            d.writeShort(0xFFFE);
            d.writeShort(35_002);
            d.write(new byte[35_000]);
        }
        d.writeShort(0xFFC0);
        d.writeShort(17);
        d.writeByte(8);
        d.writeShort(10_000); // height
        d.writeShort(10_000); // width
        d.writeByte(3);
        for (int c = 1; c <= 3; c++) {
            d.writeByte(c);
            d.writeByte(0x11);
            d.writeByte(0);
        }
        d.writeShort(0xFFD9);
        return b.toByteArray();
    }

    /** A valid RGBA PNG of width × height, one colour, its pixels deflated as they are generated. */
    static byte[] png(int width, int height, int rgba) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 6, 0, 0, 0}); // 8 bits, RGBA, deflate, no filter method, no interlace
        chunk(b, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * 4];
        for (int x = 0; x < width; x++) {
            row[1 + 4 * x] = (byte) (rgba >>> 24);
            row[2 + 4 * x] = (byte) (rgba >>> 16);
            row[3 + 4 * x] = (byte) (rgba >>> 8);
            row[4 + 4 * x] = (byte) rgba;
        }
        try (OutputStream z = new DeflaterOutputStream(idat)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        chunk(b, "IDAT", idat.toByteArray());
        chunk(b, "IEND", new byte[0]);
        return b.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    @Test
    void aJpegSizeMarkerAfterA64KbCommentIsFoundAndRefused() throws Exception {
        byte[] jpeg = jpegWithLateSize();
        assertNull(ImageProbe.read(Arrays.copyOf(jpeg, 64 * 1024)), "the first 64 KB do not hold the size");
        ImageProbe.Size s = ImageProbe.read(new ByteArrayInputStream(jpeg));
        assertNotNull(s);
        assertEquals(10_000, s.width());
        assertEquals(10_000, s.height());
        assertTrue(ImageProbe.refusal(s).contains("50-megapixel"), ImageProbe.refusal(s));
        ImageDecoder.Refused e = assertThrows(ImageDecoder.Refused.class,
                () -> ImageDecoder.decode(new ByteArrayInputStream(jpeg), 220, 150));
        assertTrue(e.getMessage().contains("50-megapixel"), e.getMessage());
    }

    @Test
    void theJpegWalkIsBounded() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeShort(0xFFD8);
        for (int i = 0; i < ImageProbe.MAX_SEGMENTS + 5; i++) {
            d.writeShort(0xFFFE);
            d.writeShort(2); // empty comments, endlessly
        }
        assertNull(ImageProbe.read(new ByteArrayInputStream(b.toByteArray())), "gives up, no size");
    }

    @Test
    void a49MegapixelPngBecomesAThumbnailWithoutItsPixelsEverBeingHeld() throws Exception {
        byte[] png = png(7000, 7000, 0x204080FF);
        ImageProbe.Size s = ImageProbe.read(new ByteArrayInputStream(png));
        assertEquals(49_000_000L, s.pixels());
        assertNull(ImageProbe.refusal(s), "under the megapixel bound: only decoding subsampled keeps the heap safe");
        ImageDecoder.Decoded d = ImageDecoder.decode(new ByteArrayInputStream(png), 220, 150);
        assertTrue(d.width() <= 220 && d.height() <= 150, d.width() + " × " + d.height());
        assertEquals(150, d.height());
        assertEquals(7000, d.sourceWidth());
        assertEquals(0xFF204080, d.argb()[d.argb().length / 2]);
    }

    @Test
    void ordinaryImagesDecodeToFitWithTheirColours() throws Exception {
        BufferedImage red = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        var g = red.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 300, 200);
        g.dispose();
        for (String format : new String[] {"png", "jpg", "gif", "bmp"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(ImageIO.write(red, format, out), format);
            ImageDecoder.Decoded d = ImageDecoder.decode(new ByteArrayInputStream(out.toByteArray()), 220, 150);
            assertEquals(220, d.width(), format);
            assertEquals(147, d.height(), format);
            int px = d.argb()[d.argb().length / 2];
            assertTrue(((px >> 16) & 0xff) > 240 && ((px >> 8) & 0xff) < 20, format + " " + Integer.toHexString(px));
            ImageProbe.Size s = ImageProbe.read(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(300, s.width(), format);
        }
        ImageDecoder.Decoded small = ImageDecoder.decode(new ByteArrayInputStream(png(40, 30, 0xFF0000FF)), 220, 150);
        assertEquals(40, small.width(), "never scaled up");
        assertThrows(ImageDecoder.Refused.class,
                () -> ImageDecoder.decode(new ByteArrayInputStream("not an image".getBytes()), 220, 150));
    }
}

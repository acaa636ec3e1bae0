package app.glow.inspector.archive;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a ZIP byte by byte, so a test can make it lie in exactly one place: a declared size, a
 * local name, an offset, a CRC, the entry count of the end record (classic or ZIP64).
 */
final class RawZip {
    /** One entry; the overrides are what the central directory claims instead of the truth. */
    static final class Entry {
        final String name;
        final byte[] data;
        boolean deflate;
        String localName;
        Long declaredSize;
        Integer offsetOf = null;
        Long crc;

        Entry(String name, byte[] data) {
            this.name = name;
            this.data = data;
        }
    }

    final List<Entry> entries = new ArrayList<>();
    Long declaredCount;
    boolean zip64;

    Entry add(String name, byte[] data) {
        Entry e = new Entry(name, data);
        entries.add(e);
        return e;
    }

    Entry add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(Path file) throws Exception {
        Files.write(file, bytes());
        return file;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long[] offsets = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            CRC32 crc = new CRC32();
            crc.update(e.data);
            byte[] payload = e.deflate ? deflate(e.data) : e.data;
            int method = e.deflate ? 8 : 0;
            offsets[i] = out.size();
            byte[] localName = (e.localName == null ? e.name : e.localName).getBytes(StandardCharsets.UTF_8);
            ByteBuffer h = le(30);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x800).putShort((short) method)
                    .putShort((short) 0).putShort((short) 0x21).putInt((int) crc.getValue())
                    .putInt(payload.length).putInt(e.data.length).putShort((short) localName.length)
                    .putShort((short) 0);
            out.writeBytes(h.array());
            out.writeBytes(localName);
            out.writeBytes(payload);
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            long offset = e.offsetOf == null ? offsets[i] : offsets[e.offsetOf];
            ByteBuffer c = le(46);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x800)
                    .putShort((short) method).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) (e.crc == null ? crc.getValue() : e.crc)).putInt(payload.length)
                    .putInt((int) (e.declaredSize == null ? e.data.length : e.declaredSize))
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt((int) offset);
            central.writeBytes(c.array());
            central.writeBytes(name);
        }
        long cdOffset = out.size();
        out.writeBytes(central.toByteArray());
        long count = declaredCount == null ? entries.size() : declaredCount;
        if (zip64) {
            long recordAt = out.size();
            ByteBuffer z = le(56);
            z.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(count).putLong(count).putLong(central.size()).putLong(cdOffset);
            out.writeBytes(z.array());
            ByteBuffer loc = le(20);
            loc.putInt(0x07064b50).putInt(0).putLong(recordAt).putInt(1);
            out.writeBytes(loc.array());
        }
        ByteBuffer end = le(22);
        int classicCount = zip64 ? 0xFFFF : (int) count;
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) classicCount)
                .putShort((short) classicCount).putInt(zip64 ? -1 : central.size())
                .putInt(zip64 ? -1 : (int) cdOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }
}

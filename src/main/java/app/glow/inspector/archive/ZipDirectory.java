package app.glow.inspector.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ZIP's central directory, read by hand from the End Of Central Directory record (and its
 * ZIP64 form) so the declared entry count is checked before anything is allocated per entry.
 * Every record is then held to the file: names unique, safe and equal to their local headers,
 * data inside the file and never overlapping another entry's, declared sizes within bounds.
 * Only what passes is ever inflated, so all later work is bounded by the bytes on disk.
 */
final class ZipDirectory {
    static final int STORED = 0;
    static final int DEFLATED = 8;
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL_SIZE = 46;
    private static final int LOCAL_SIZE = 30;
    private static final long MAGIC32 = 0xFFFFFFFFL;
    private static final int MAGIC16 = 0xFFFF;

    /** One checked entry: where its data lies, how it is stored, what it must inflate to. */
    record Entry(String name, int method, long crc, long compressedSize, long size, long localOffset,
                 long dataOffset) {
    }

    private final Map<String, Entry> entries;

    private ZipDirectory(Map<String, Entry> entries) {
        this.entries = entries;
    }

    Entry get(String name) {
        return entries.get(name);
    }

    int size() {
        return entries.size();
    }

    static ZipDirectory read(ArchiveFile f, ArchiveLimits limits) throws ArchiveException {
        try {
            return parse(f, limits);
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw notZip(f, "it ends early");
        }
    }

    private static ZipDirectory parse(ArchiveFile f, ArchiveLimits limits) throws IOException {
        long fileSize = f.size();
        if (fileSize < 22) {
            throw notZip(f, "it is too short");
        }
        byte[] tail = new byte[(int) Math.min(fileSize, 22 + MAGIC16)];
        long tailStart = fileSize - tail.length;
        f.readFully(tailStart, tail);
        ByteBuffer t = ByteBuffer.wrap(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int at = -1;
        for (int i = tail.length - 22; i >= 0; i--) {
            if (t.getInt(i) == EOCD && i + 22 + u16(t, i + 20) == tail.length) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw notZip(f, "it has no end-of-archive record");
        }
        long eocdPos = tailStart + at;
        if (u16(t, at + 4) != 0 || u16(t, at + 6) != 0 || u16(t, at + 8) != u16(t, at + 10)) {
            throw notZip(f, "it spans several disks");
        }
        long total = u16(t, at + 10);
        long cdSize = u32(t, at + 12);
        long cdOffset = u32(t, at + 16);
        long dirEnd = eocdPos;
        if (eocdPos >= 20) {
            ByteBuffer loc = readAt(f, eocdPos - 20, 20);
            if (loc.getInt(0) == ZIP64_LOCATOR) {
                long recPos = loc.getLong(8);
                if (recPos < 0 || recPos > eocdPos - 20 - 56) {
                    throw notZip(f, "its ZIP64 end record lies outside the file");
                }
                ByteBuffer z = readAt(f, recPos, 56);
                if (z.getInt(0) != ZIP64_EOCD || z.getLong(4) < 44 || z.getInt(16) != 0 || z.getInt(20) != 0) {
                    throw notZip(f, "its ZIP64 end record is damaged");
                }
                total = agree(f, total, MAGIC16, z.getLong(32), "entry count");
                cdSize = agree(f, cdSize, MAGIC32, z.getLong(40), "directory size");
                cdOffset = agree(f, cdOffset, MAGIC32, z.getLong(48), "directory offset");
                dirEnd = recPos;
            }
        }
        // the count first: nothing below allocates per entry before this holds
        if (total < 0 || total > limits.maxEntries()) {
            throw new ArchiveException(f.label() + " declares " + String.format("%,d", total < 0 ? Long.MAX_VALUE
                    : total) + " entries; the inspector opens archives of at most "
                    + String.format("%,d", limits.maxEntries()) + ".");
        }
        if (cdSize < 0 || cdOffset < 0 || cdOffset + cdSize != dirEnd) {
            throw notZip(f, "its central directory is not where its end record says");
        }
        if (total * CENTRAL_SIZE > cdSize) {
            throw notZip(f, "it declares more entries than its central directory can hold");
        }
        Map<String, Entry> byName = new LinkedHashMap<>((int) Math.min(total, 1 << 16) * 2);
        long declaredTotal = 0;
        try (InputStream in = new BufferedInputStream(f.region(cdOffset, cdSize, 0), 64 * 1024)) {
            byte[] fixed = new byte[CENTRAL_SIZE];
            long consumed = 0;
            for (long k = 0; k < total; k++) {
                if (in.readNBytes(fixed, 0, CENTRAL_SIZE) != CENTRAL_SIZE) {
                    throw notZip(f, "its central directory ends early");
                }
                ByteBuffer c = ByteBuffer.wrap(fixed).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                if (c.getInt(0) != CENTRAL) {
                    throw notZip(f, "its central directory is damaged");
                }
                int flags = u16(c, 8);
                int method = u16(c, 10);
                long crc = u32(c, 16);
                long csize = u32(c, 20);
                long size = u32(c, 24);
                int nameLen = u16(c, 28);
                int extraLen = u16(c, 30);
                int commentLen = u16(c, 32);
                long offset = u32(c, 42);
                String name = utf8(f, exactly(f, in, nameLen));
                ByteBuffer extra = ByteBuffer.wrap(exactly(f, in, extraLen)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                in.skipNBytes(commentLen);
                consumed += CENTRAL_SIZE + nameLen + extraLen + commentLen;
                long[] big = zip64(extra, size, csize, offset);
                Entry e = new Entry(name, method, crc, big[1], big[0], big[2], -1);
                check(f, limits, e, flags);
                declaredTotal += e.size();
                if (declaredTotal > limits.maxTotalBytes()) {
                    throw new ArchiveException(f.label() + " would expand to more than "
                            + String.format("%,d", limits.maxTotalBytes()) + " bytes: refused.");
                }
                if (byName.putIfAbsent(name, e) != null) {
                    throw new ArchiveException(f.label() + " holds two entries named “" + printable(name) + "”: a "
                            + "second copy could hide behind the first, so the archive was refused.");
                }
            }
            if (consumed != cdSize) {
                throw notZip(f, "its central directory holds more than its entries");
            }
        }
        return new ZipDirectory(Collections.unmodifiableMap(locate(f, byName, cdOffset)));
    }

    /** Declared sizes, method and path of one record, before any of its bytes are read. */
    private static void check(ArchiveFile f, ArchiveLimits limits, Entry e, int flags) throws ArchiveException {
        String n = printable(e.name());
        if (!ArchivePaths.isSafe(e.name())) {
            throw new ArchiveException("The archive holds an entry whose path escapes it (“" + n + "”). It was "
                    + "refused; nothing was read from it.");
        }
        if ((flags & 1) != 0) {
            throw new ArchiveException(f.label() + ": the entry “" + n + "” is encrypted, which the inspector does "
                    + "not read.");
        }
        if (e.method() != STORED && e.method() != DEFLATED) {
            throw new ArchiveException(f.label() + ": the entry “" + n + "” uses compression method " + e.method()
                    + ", which the inspector does not read.");
        }
        if (e.size() < 0 || e.compressedSize() < 0 || e.localOffset() < 0) {
            throw notZip(f, "the record of “" + n + "” is damaged");
        }
        if (e.size() > limits.maxEntryBytes()) {
            throw new ArchiveException("The entry “" + n + "” declares " + e.size() + " bytes, beyond what the "
                    + "inspector accepts.");
        }
        if (e.method() == STORED && e.size() != e.compressedSize()) {
            throw notZip(f, "the stored entry “" + n + "” declares two different sizes");
        }
        long ratio = e.size() / Math.max(1, e.compressedSize());
        if (e.size() > (1 << 20) && ratio > limits.maxRatio()) {
            throw new ArchiveException("The entry “" + n + "” expands " + ratio + " times: this looks like a ZIP "
                    + "bomb and was refused.");
        }
    }

    /**
     * Reads each local header: its name must be the directory's, and the entries' bytes must lie
     * before the directory without overlapping (overlap is how a small file claims huge content).
     */
    private static Map<String, Entry> locate(ArchiveFile f, Map<String, Entry> byName, long cdOffset)
            throws IOException {
        List<Entry> byOffset = new ArrayList<>(byName.values());
        byOffset.sort(Comparator.comparingLong(Entry::localOffset));
        Map<String, Entry> located = new LinkedHashMap<>(byName.size() * 2);
        long previousEnd = 0;
        for (Entry e : byOffset) {
            String n = printable(e.name());
            if (e.localOffset() < previousEnd) {
                throw new ArchiveException(f.label() + ": the entry “" + n + "” overlaps another entry's data, "
                        + "which only a crafted archive does: refused.");
            }
            if (e.localOffset() + LOCAL_SIZE > cdOffset) {
                throw notZip(f, "the entry “" + n + "” lies outside its data");
            }
            ByteBuffer h = readAt(f, e.localOffset(), LOCAL_SIZE);
            if (h.getInt(0) != LOCAL) {
                throw notZip(f, "the local header of “" + n + "” is missing");
            }
            int nameLen = u16(h, 26);
            int extraLen = u16(h, 28);
            byte[] raw = new byte[nameLen];
            f.readFully(e.localOffset() + LOCAL_SIZE, raw);
            String local = utf8(f, raw);
            if (!local.equals(e.name())) {
                throw new ArchiveException(f.label() + ": the local header of “" + n + "” names “" + printable(local)
                        + "” instead: the archive was tampered with and was refused.");
            }
            if (u16(h, 8) != e.method()) {
                throw new ArchiveException(f.label() + ": the local header of “" + n + "” disagrees with the "
                        + "directory about its compression: refused.");
            }
            long data = e.localOffset() + LOCAL_SIZE + nameLen + extraLen;
            previousEnd = data + e.compressedSize();
            if (previousEnd > cdOffset) {
                throw notZip(f, "the data of “" + n + "” runs past the end of the entries");
            }
            located.put(e.name(), new Entry(e.name(), e.method(), e.crc(), e.compressedSize(), e.size(),
                    e.localOffset(), data));
        }
        // keep the directory's order for whoever lists it
        Map<String, Entry> ordered = new LinkedHashMap<>(byName.size() * 2);
        byName.keySet().forEach(k -> ordered.put(k, located.get(k)));
        return ordered;
    }

    /** size, compressed size, offset: the 32-bit values, or their ZIP64 extra field where they overflow. */
    private static long[] zip64(ByteBuffer extra, long size, long csize, long offset) {
        long[] out = {size, csize, offset};
        int i = 0;
        while (i + 4 <= extra.limit()) {
            int id = u16(extra, i);
            int len = u16(extra, i + 2);
            if (id == 1) {
                int p = i + 4;
                int end = Math.min(extra.limit(), p + len);
                for (int k = 0; k < 3; k++) {
                    if (out[k] == MAGIC32 && p + 8 <= end) {
                        out[k] = extra.getLong(p);
                        p += 8;
                    }
                }
                return out;
            }
            i += 4 + len;
        }
        return out;
    }

    /** A ZIP64 value, which must equal the classic one unless that says "see ZIP64". */
    private static long agree(ArchiveFile f, long classic, long magic, long wide, String what) throws ArchiveException {
        if (classic != magic && classic != wide) {
            throw notZip(f, "its two end records disagree about the " + what);
        }
        return wide;
    }

    private static byte[] exactly(ArchiveFile f, InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw notZip(f, "its central directory ends early");
        }
        return b;
    }

    private static ByteBuffer readAt(ArchiveFile f, long pos, int n) throws IOException {
        byte[] b = new byte[n];
        f.readFully(pos, b);
        return ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    private static String utf8(ArchiveFile f, byte[] b) throws ArchiveException {
        try {
            CharBuffer c = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return c.toString();
        } catch (CharacterCodingException e) {
            throw notZip(f, "an entry name is not valid UTF-8");
        }
    }

    private static int u16(ByteBuffer b, int i) {
        return b.getShort(i) & 0xffff;
    }

    private static long u32(ByteBuffer b, int i) {
        return b.getInt(i) & 0xffffffffL;
    }

    static ArchiveException notZip(ArchiveFile f, String why) {
        return new ArchiveException(f.label() + " is not a readable ZIP archive (" + why + "; it may be truncated "
                + "or damaged).");
    }

    /** A name as it may be shown: no control characters, not endless. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        String p = s.replaceAll("\\p{Cntrl}", "?");
        return p.length() > 200 ? p.substring(0, 200) + "…" : p;
    }
}

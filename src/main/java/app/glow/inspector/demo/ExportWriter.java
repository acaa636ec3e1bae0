package app.glow.inspector.demo;

import app.glow.inspector.demo.DemoIds.Type;
import app.glow.inspector.demo.GroupSpec.RunSpec;
import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.ExportManifest.ExportFile;
import app.glow.inspector.model.MediaKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams one group as the contract's export ZIP: {@code manifest.json} first (with each media
 * file's SHA-256), then {@code group.json}, then the media, stored. A medium is hashed (read
 * once, held nowhere) the first time an export needs it and its digest kept by upload id and
 * ETag, as a real server keeps the hash it took on upload (upload content never changes), so a
 * later export streams its bytes without reading them twice.
 */
final class ExportWriter {
    private static final int DIGESTS = 50_000;
    /** Sizes and offsets from here on need ZIP64 records. */
    private static final long ZIP32_LIMIT = 0xFFFFFFFFL;
    /** One in-range time for every entry, so no entry needs an extended-time field. */
    private static final long TIME = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final DemoApi api;
    private final DemoMedia media;
    private final ObjectMapper mapper;
    private final Cache<String, Digest> digests = Caffeine.newBuilder().maximumSize(DIGESTS).build();

    /** What the manifest and the stored entry need of one medium. */
    private record Digest(long size, String sha256, long crc) {
    }

    ExportWriter(DemoApi api, DemoMedia media, ObjectMapper mapper) {
        this.api = api;
        this.media = media;
        this.mapper = mapper;
    }

    private record Item(String path, MediaKind kind, String uploadId, MediaBlob blob, long size, String sha256,
                        long crc) {
    }

    /** One group's export, ready to stream: the JSON entries in memory, the media by reference. */
    static final class Prepared {
        private final List<Item> entries;
        private final long length;

        private Prepared(List<Item> entries) {
            this.entries = entries;
            this.length = storedZipLength(entries);
        }

        /** The ZIP's exact length, or -1 where it is not known up front (then it is sent chunked). */
        long length() {
            return length;
        }
    }

    Prepared prepare(GroupSpec s) throws IOException {
        String root = "groups/" + s.id + "/";
        List<Item> items = new ArrayList<>();
        for (RunSpec r : s.runs) {
            if (r.empty()) {
                continue;
            }
            for (int m = 0; m <= r.ownMessages(); m++) {
                DemoDataset.UploadCounts n = api.data.uploads(s, r.index(), m);
                add(items, root, s, Type.TEXT, MediaKind.TEXT, r.index(), m, n.text());
                add(items, root, s, Type.AUDIO, MediaKind.AUDIO, r.index(), m, n.audio());
                add(items, root, s, Type.IMAGE, MediaKind.IMAGE, r.index(), m, n.image());
                add(items, root, s, Type.VIDEO, MediaKind.VIDEO, r.index(), m, n.video());
                add(items, root, s, Type.FILE, MediaKind.FILE, r.index(), m, n.file());
            }
        }
        List<ExportFile> files = new ArrayList<>(items.size());
        for (Item it : items) {
            files.add(new ExportFile(it.path(), it.kind().wireName(), it.uploadId(), it.size(), it.sha256(),
                    it.blob().contentType()));
        }
        ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT, 1, Instant.now(), List.of(s.id), files);
        List<Item> entries = new ArrayList<>(items.size() + 2);
        entries.add(json("manifest.json", mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest)));
        entries.add(json(root + "group.json", mapper.writeValueAsBytes(api.detail(s.id, 0, null, false))));
        entries.addAll(items);
        return new Prepared(entries);
    }

    /** Every entry stored, with its size and CRC in the local header (no data descriptors). */
    void write(Prepared p, OutputStream raw) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(raw);
        OutputStream entryOut = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }
        };
        for (Item it : p.entries) {
            ZipEntry e = new ZipEntry(it.path());
            e.setMethod(ZipEntry.STORED);
            e.setTime(TIME);
            e.setSize(it.size());
            e.setCompressedSize(it.size());
            e.setCrc(it.crc());
            zip.putNextEntry(e);
            it.blob().write(entryOut, 0, it.size());
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /**
     * The length {@link ZipOutputStream} gives stored entries with sizes, CRC and an in-range time
     * (no extra fields, no descriptors): a local header and a directory record per entry, and the
     * end record. Where ZIP64 would be needed, -1: that export goes chunked instead. Sending the
     * length lets the server write in large blocks rather than 4 KiB chunks, as a download does.
     */
    static long storedZipLength(List<Item> entries) {
        long offset = 0;
        long directory = 0;
        for (Item it : entries) {
            int name = it.path().getBytes(StandardCharsets.UTF_8).length;
            if (it.size() >= ZIP32_LIMIT || offset >= ZIP32_LIMIT) {
                return -1;
            }
            offset += 30 + name + it.size();
            directory += 46 + name;
        }
        if (entries.size() >= 0xFFFF || offset >= ZIP32_LIMIT || directory >= ZIP32_LIMIT) {
            return -1;
        }
        return offset + directory + 22;
    }

    private static Item json(String path, byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Item(path, null, null, new BytesBlob(bytes), bytes.length, null, crc.getValue());
    }

    /** JSON already serialized, served like a medium. */
    private record BytesBlob(byte[] bytes) implements MediaBlob {
        @Override
        public String contentType() {
            return "application/json";
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public String etag() {
            return null;
        }

        @Override
        public void write(OutputStream out, long start, long length) throws IOException {
            out.write(bytes, (int) start, (int) length);
        }
    }

    private void add(List<Item> items, String root, GroupSpec s, Type type, MediaKind kind, int run, int m,
                     int count) throws IOException {
        for (int p = 0; p < count; p++) {
            String id = api.data.ids.upload(type, s.index, run, m, p);
            DemoDataset.UploadRef ref = new DemoDataset.UploadRef(s, type, run, m, p);
            MediaBlob blob = media.blob(ref, id);
            Digest d = digests.getIfPresent(id + " " + blob.etag());
            if (d == null) {
                Digesting counted = new Digesting();
                blob.write(counted, 0, blob.size());
                d = new Digest(counted.count, HexFormat.of().formatHex(counted.sha.digest()), counted.crc.getValue());
                digests.put(id + " " + blob.etag(), d);
            }
            items.add(new Item(root + "media/" + kind.wireName() + "/" + id, kind, id, blob, d.size(), d.sha256(),
                    d.crc()));
        }
    }

    /** Counts, hashes and CRCs what is written to it, keeping nothing. */
    private static final class Digesting extends OutputStream {
        final MessageDigest sha;
        final CRC32 crc = new CRC32();
        long count;

        Digesting() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha.update(b, off, len);
            crc.update(b, off, len);
            count += len;
        }
    }
}

package app.glow.inspector.demo;

import app.glow.inspector.demo.DemoIds.Type;
import app.glow.inspector.demo.GroupSpec.RunSpec;
import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.ExportManifest.ExportFile;
import app.glow.inspector.model.MediaKind;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
 * file's SHA-256), then {@code group.json}, then the media, stored. Media are read twice (once
 * to hash, once to write) so nothing is held in memory.
 */
final class ExportWriter {
    private final DemoApi api;
    private final DemoMedia media;
    private final ObjectMapper mapper;

    ExportWriter(DemoApi api, DemoMedia media, ObjectMapper mapper) {
        this.api = api;
        this.media = media;
        this.mapper = mapper;
    }

    private record Item(String path, MediaKind kind, String uploadId, MediaBlob blob, long size, String sha256,
                        long crc) {
    }

    void write(GroupSpec s, OutputStream raw) throws IOException {
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

        ZipOutputStream zip = new ZipOutputStream(raw);
        OutputStream entryOut = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() {
                // the entry is closed by closeEntry, not by Jackson
            }
        };
        zip.putNextEntry(new ZipEntry("manifest.json"));
        mapper.writerWithDefaultPrettyPrinter().writeValue(entryOut, manifest);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(root + "group.json"));
        mapper.writeValue(entryOut, api.detail(s.id, 0, null, false));
        zip.closeEntry();
        for (Item it : items) {
            ZipEntry e = new ZipEntry(it.path());
            e.setMethod(ZipEntry.STORED);
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

    private void add(List<Item> items, String root, GroupSpec s, Type type, MediaKind kind, int run, int m,
                     int count) throws IOException {
        for (int p = 0; p < count; p++) {
            String id = api.data.ids.upload(type, s.index, run, m, p);
            DemoDataset.UploadRef ref = new DemoDataset.UploadRef(s, type, run, m, p);
            MediaBlob blob = media.blob(ref, id);
            Digesting d = new Digesting();
            blob.write(d, 0, blob.size());
            items.add(new Item(root + "media/" + kind.wireName() + "/" + id, kind, id, blob, d.count,
                    HexFormat.of().formatHex(d.sha.digest()), d.crc.getValue()));
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

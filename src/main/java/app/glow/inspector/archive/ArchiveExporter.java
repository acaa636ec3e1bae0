package app.glow.inspector.archive;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.review.ReviewStore;
import app.glow.inspector.review.ReviewsFile;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.SafeFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Exports chosen groups into one ZIP in the contract's layout. Each group's own export is
 * streamed and re-packed (JSON deflated, media stored), every media file checked against the
 * server's SHA-256; when the server refuses to export (403, 404, 501) the group is built from the
 * detail call and the downloads instead. Media pass through a private temporary folder one file
 * at a time, so memory stays flat whatever the size. The archive appears at the target only when
 * complete; a cancelled or failed export leaves nothing there. Given a review store, the groups'
 * statuses and annotations go into {@code reviews.json}, listed in the manifest like any file.
 */
public final class ArchiveExporter {
    /** What to put in the archive. */
    public record Options(boolean includeMedia, boolean pseudonymize) {
        public static final Options DEFAULT = new Options(true, false);
    }

    /** Progress callbacks (from the exporting thread). */
    public interface Progress {
        void update(int groupsDone, int groupsTotal, long bytesWritten);
    }

    private static final int WINDOW = 500;

    private final GroupSource source;
    private final ReviewStore reviews;
    private final String reviewsKey;
    private final ObjectMapper mapper = GlowJson.newMapper();

    /** An archive without reviews. */
    public ArchiveExporter(GroupSource source) {
        this(source, null, null);
    }

    /**
     * An archive that carries the groups' reviews from {@code reviews} (none when null), filed there
     * under {@code sourceKey}, or under the source's own key when that is null (computed when the
     * export runs, off the FX thread: an archive source hashes its file for it).
     */
    public ArchiveExporter(GroupSource source, ReviewStore reviews, String sourceKey) {
        this.source = source;
        this.reviews = reviews;
        this.reviewsKey = sourceKey;
    }

    public void export(List<String> groupIds, Options options, Path target, Progress progress, Cancellation c)
            throws Exception {
        Path spool = Files.createTempDirectory("glow-export-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            SafeFiles.write(target, raw -> {
                ExportStreams.Counting counting = new ExportStreams.Counting(raw, c);
                ZipOutputStream zip = new ZipOutputStream(counting);
                Pseudonyms names = options.pseudonymize() ? new Pseudonyms() : null;
                List<ExportManifest.ExportFile> files = new ArrayList<>();
                int done = 0;
                for (String id : groupIds) {
                    c.throwIfCancelled();
                    files.addAll(group(id, options, names, zip, spool, c));
                    progress.update(++done, groupIds.size(), counting.count);
                }
                if (reviews != null) {
                    files.add(writeReviews(groupIds, names, zip));
                }
                zip.putNextEntry(new ZipEntry(ArchivePaths.MANIFEST));
                mapper.writerWithDefaultPrettyPrinter().writeValue(new ExportStreams.NonClosing(zip), new ExportManifest(
                        ExportManifest.FORMAT, 1, Instant.now(), groupIds, files, options.pseudonymize() ? true : null));
                zip.closeEntry();
                zip.finish();
                progress.update(done, groupIds.size(), counting.count);
            });
        } finally {
            deleteTree(spool);
        }
    }

    /** One group's entries; returns its media files for the manifest. */
    private List<ExportManifest.ExportFile> group(String id, Options options, Pseudonyms names, ZipOutputStream zip,
                                                  Path spool, Cancellation c) throws Exception {
        try (MediaStream export = source.openExport(id, c)) {
            return repack(id, export.body(), options, names, zip, spool, c);
        } catch (SourceException e) {
            // no export endpoint, or one this token may not use: build the group's entries ourselves
            if (e.reason() == SourceException.Reason.REFUSED || e.reason() == SourceException.Reason.NOT_FOUND
                    || e.reason() == SourceException.Reason.UNSUPPORTED) {
                return rebuild(id, options, names, zip, spool, c);
            }
            throw e;
        }
    }

    private List<ExportManifest.ExportFile> repack(String id, InputStream body, Options options, Pseudonyms names,
                                                   ZipOutputStream zip, Path spool, Cancellation c) throws Exception {
        ExportManifest serverManifest = null;
        GroupDetail detail = null;
        Map<String, Spooled> spooled = new LinkedHashMap<>();
        String prefix = "groups/" + id + "/";
        try (ZipInputStream in = new ZipInputStream(body)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                c.throwIfCancelled();
                String name = e.getName();
                if (!ArchivePaths.isSafe(name)) {
                    throw new ArchiveException("The server's export of " + id + " holds an unsafe path: " + name);
                }
                if (name.equals(ArchivePaths.MANIFEST)) {
                    serverManifest = mapper.readValue(new ExportStreams.NonClosingIn(in), ExportManifest.class);
                } else if (name.equals(prefix + "group.json")) {
                    detail = mapper.readValue(new ExportStreams.NonClosingIn(in), GroupDetail.class);
                } else if (name.startsWith(prefix + "media/") && options.includeMedia()) {
                    spooled.put(name, Spooled.of(in, spool, c));
                }
            }
        }
        if (detail == null) {
            throw new ArchiveException("The server's export of " + id + " has no group.json.");
        }
        Map<String, ExportManifest.ExportFile> declared = new LinkedHashMap<>();
        if (serverManifest != null) {
            serverManifest.files().forEach(f -> declared.put(f.path(), f));
        }
        writeGroupJson(detail, names, zip);
        List<ExportManifest.ExportFile> files = new ArrayList<>();
        for (var entry : spooled.entrySet()) {
            Spooled s = entry.getValue();
            ExportManifest.ExportFile d = declared.get(entry.getKey());
            if (d != null && (!d.sha256().equalsIgnoreCase(s.sha256) || d.size() != s.size)) {
                throw new ArchiveException("The server's export of " + id + " is damaged: " + entry.getKey()
                        + " does not match its SHA-256.");
            }
            String[] parts = entry.getKey().substring(prefix.length() + "media/".length()).split("/", 2);
            files.add(new ExportManifest.ExportFile(entry.getKey(), parts[0], parts[1], s.size, s.sha256,
                    d == null ? null : d.contentType(), d == null ? null : d.fileName()));
            writeStored(zip, entry.getKey(), s, c);
        }
        return files;
    }

    /** Without the export endpoint: the detail call (window by window) and the downloads. */
    private List<ExportManifest.ExportFile> rebuild(String id, Options options, Pseudonyms names, ZipOutputStream zip,
                                                    Path spool, Cancellation c) throws Exception {
        GroupDetail first = source.detail(id, 0, WINDOW, c);
        if (!first.groupExists()) {
            throw new ArchiveException("Group " + id + " does not exist.");
        }
        List<List<Message>> messages = new ArrayList<>();
        first.runs().forEach(r -> messages.add(new ArrayList<>(r.messages())));
        for (long off = WINDOW; off < first.totalMessageCount(); off += WINDOW) {
            GroupDetail w = source.detail(id, (int) off, WINDOW, c);
            for (int k = 0; k < w.runs().size() && k < messages.size(); k++) {
                messages.get(k).addAll(w.runs().get(k).messages());
            }
        }
        List<RunWithMessages> runs = new ArrayList<>();
        for (int k = 0; k < first.runs().size(); k++) {
            RunWithMessages r = first.runs().get(k);
            runs.add(new RunWithMessages(r.run(), messages.get(k), r.previousContextStartIndex()));
        }
        GroupDetail whole = new GroupDetail(true, id, first.groupName(), first.actorName(), first.totalMessageCount(),
                runs, first.models(), first.agents(), first.profiles());
        writeGroupJson(whole, names, zip);
        List<ExportManifest.ExportFile> files = new ArrayList<>();
        if (!options.includeMedia()) {
            return files;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (RunWithMessages r : runs) {
            for (Message m : r.messages()) {
                for (MediaKind k : MediaKind.values()) {
                    for (String upload : m.uploadIds(k)) {
                        String path = ArchivePaths.media(id, k.wireName(), upload);
                        if (!seen.add(path) || !ArchivePaths.isSafe(path)) {
                            continue;
                        }
                        String[] meta = new String[2];
                        Spooled s = Spooled.write(spool, c, out -> {
                            try (MediaStream head = source.openUpload(k, upload,
                                    app.glow.inspector.source.ByteRange.of(0, 0), c)) {
                                meta[0] = head.contentType();
                                meta[1] = head.fileName();
                            } catch (SourceException e) {
                                if (e.reason() != SourceException.Reason.RANGE_NOT_SATISFIABLE) {
                                    throw e;
                                }
                            }
                            source.save(k, upload, out, c);
                        });
                        files.add(new ExportManifest.ExportFile(path, k.wireName(), upload, s.size, s.sha256, meta[0],
                                meta[1]));
                        writeStored(zip, path, s, c);
                    }
                }
            }
        }
        return files;
    }

    private void writeGroupJson(GroupDetail d, Pseudonyms names, ZipOutputStream zip) throws IOException {
        GroupDetail out = names == null ? d : names.apply(d);
        zip.putNextEntry(new ZipEntry(ArchivePaths.groupJson(d.groupId())));
        mapper.writeValue(new ExportStreams.NonClosing(zip), out);
        zip.closeEntry();
    }

    /** {@code reviews.json}, deflated, with its size and SHA-256 for the manifest. */
    private ExportManifest.ExportFile writeReviews(List<String> groupIds, Pseudonyms names, ZipOutputStream zip)
            throws Exception {
        String key = reviewsKey != null ? reviewsKey : source.sourceKey();
        ReviewsFile file = reviews.export(key, groupIds);
        byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(names == null ? file
                : names.apply(file));
        zip.putNextEntry(new ZipEntry(ExportManifest.REVIEWS_PATH));
        zip.write(json);
        zip.closeEntry();
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ExportManifest.ExportFile(ExportManifest.REVIEWS_PATH, ExportManifest.REVIEWS_KIND, null,
                json.length, sha, "application/json", null);
    }

    private static void writeStored(ZipOutputStream zip, String path, Spooled s, Cancellation c) throws Exception {
        ZipEntry e = new ZipEntry(path);
        e.setMethod(ZipEntry.STORED);
        e.setSize(s.size);
        e.setCompressedSize(s.size);
        e.setCrc(s.crc);
        zip.putNextEntry(e);
        try (InputStream in = Files.newInputStream(s.file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                c.throwIfCancelled();
                zip.write(buf, 0, n);
            }
        } finally {
            Files.deleteIfExists(s.file);
        }
        zip.closeEntry();
    }

    /** A media file spooled to the private folder, with what the archive needs to store it. */
    private record Spooled(Path file, long size, String sha256, long crc) {
        interface Body {
            void writeTo(OutputStream out) throws Exception;
        }

        static Spooled of(InputStream in, Path dir, Cancellation c) throws Exception {
            return write(dir, c, out -> {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
            });
        }

        static Spooled write(Path dir, Cancellation c, Body body) throws Exception {
            Path f = Files.createTempFile(dir, "m", ".bin");
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            CRC32 crc = new CRC32();
            long[] n = {0};
            try (OutputStream file = Files.newOutputStream(f)) {
                body.writeTo(new FilterOutputStream(file) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (c.isCancelled()) {
                            throw new IOException("cancelled");
                        }
                        file.write(b, off, len);
                        md.update(b, off, len);
                        crc.update(b, off, len);
                        n[0] += len;
                    }
                });
            }
            return new Spooled(f, n[0], HexFormat.of().formatHex(md.digest()), crc.getValue());
        }
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: it is a private temp folder
                }
            });
        } catch (IOException ignored) {
            // nothing to clean
        }
    }
}

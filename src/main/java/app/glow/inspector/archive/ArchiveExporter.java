package app.glow.inspector.archive;

import app.glow.inspector.api.GlowJson;
import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.review.ReviewStore;
import app.glow.inspector.review.ReviewsFile;
import app.glow.inspector.service.CleanupOnExit;
import app.glow.inspector.service.GroupSource;
import app.glow.inspector.service.SafeFiles;
import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.source.SourceException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Exports chosen groups into one ZIP in the contract's layout. Each group's own export is
 * streamed, checked (see {@link ServerExport}) and re-packed (JSON deflated, media stored); when
 * the server refuses to export (403, 404, 501) the group is built from the detail call and the
 * downloads instead. Every id is checked before it becomes part of an entry path. Each media
 * file is written once, straight into the archive (see {@link ExportZip}), hashed as it passes,
 * while a second thread reads the network ahead through a few fixed buffers ({@link Prefetch}):
 * memory stays flat whatever the size, and the disk and the network work at the same time. The
 * archive appears at the target only when complete; a cancelled, failed or interrupted
 * export (Ctrl+C, SIGTERM) leaves nothing there and nothing in the temporary folder. Given a
 * review store, the groups' statuses and annotations go into {@code reviews.json}, listed in the
 * manifest like any file.
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
        for (String id : groupIds) {
            requireSafe("group id", id);
        }
        if (new LinkedHashSet<>(groupIds).size() != groupIds.size()) {
            throw new ArchiveException("A group is listed twice; list each group once.");
        }
        try (Spool spool = new Spool()) {
            SafeFiles.writePart(target, part -> {
                try (ExportZip zip = new ExportZip(part, c)) {
                    Pseudonyms names = options.pseudonymize() ? new Pseudonyms() : null;
                    List<ExportManifest.ExportFile> files = new ArrayList<>();
                    int done = 0;
                    for (String id : groupIds) {
                        c.throwIfCancelled();
                        files.addAll(group(id, options, names, zip, spool, c));
                        progress.update(++done, groupIds.size(), zip.bytesWritten());
                    }
                    if (reviews != null) {
                        files.add(writeReviews(groupIds, names, zip));
                    }
                    ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT, 1, Instant.now(), groupIds,
                            files, options.pseudonymize() ? true : null);
                    zip.deflated(ArchivePaths.MANIFEST, out -> mapper.writerWithDefaultPrettyPrinter()
                            .writeValue(out, manifest));
                    zip.finish();
                    progress.update(done, groupIds.size(), zip.bytesWritten());
                }
            }, false);
        }
    }

    private static void requireSafe(String what, String id) throws ArchiveException {
        if (!ArchivePaths.isSafeId(id)) {
            throw new ArchiveException("The " + what + " " + ArchivePaths.shown(id) + " cannot name a file in an "
                    + "archive (letters, digits and . _ ~ + = - only, up to 200); nothing was exported.");
        }
    }

    /**
     * One group's entries; returns its media files for the manifest. The server's export is read on
     * a thread of its own ({@link Prefetch}) while this one checks and writes what came before.
     */
    private List<ExportManifest.ExportFile> group(String id, Options options, Pseudonyms names, ExportZip zip,
                                                  Spool spool, Cancellation c) throws Exception {
        Cancellation own = new Cancellation(); // stops this group's request alone when its copy fails
        try (Cancellation.Registration link = c.onCancel(own::cancel)) {
            MediaStream export;
            try {
                export = source.openExport(id, own);
            } catch (SourceException e) {
                // no export endpoint, or one this token may not use: build the group's entries ourselves
                if (e.reason() == SourceException.Reason.REFUSED || e.reason() == SourceException.Reason.NOT_FOUND
                        || e.reason() == SourceException.Reason.UNSUPPORTED) {
                    return rebuild(id, options, names, zip, c);
                }
                throw e;
            }
            try (export; Prefetch body = Prefetch.start("glow-export-read", export.body()::transferTo,
                    own::cancel, export.contentLength())) {
                return ServerExport.copy(id, body, options.includeMedia(), mapper, zip,
                        d -> writeGroupJson(id, d, names, zip), spool, c);
            } catch (ArchiveException e) {
                throw e;
            } catch (IOException e) {
                c.throwIfCancelled();
                if (e instanceof SourceException s && s.reason() != SourceException.Reason.UNAVAILABLE) {
                    throw e;
                }
                // the connection dropped, or the ZIP ended early: either way the export is incomplete
                throw new ArchiveException("The server's export of " + id + " broke off before its end (the "
                        + "connection dropped or the ZIP was cut short); nothing was saved. Try again.", e);
            }
        }
    }

    /** Without the export endpoint: the detail call (window by window) and the downloads. */
    private List<ExportManifest.ExportFile> rebuild(String id, Options options, Pseudonyms names, ExportZip zip,
                                                    Cancellation c) throws Exception {
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
        writeGroupJson(id, whole, names, zip);
        List<ExportManifest.ExportFile> files = new ArrayList<>();
        if (!options.includeMedia()) {
            return files;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (RunWithMessages r : runs) {
            for (Message m : r.messages()) {
                for (MediaKind k : MediaKind.values()) {
                    for (String upload : m.uploadIds(k)) {
                        requireSafe(k.wireName() + " upload id in group " + id + ",", upload);
                        String path = ArchivePaths.media(id, k.wireName(), upload);
                        if (seen.add(path)) {
                            files.add(download(k, upload, path, zip, c));
                        }
                    }
                }
            }
        }
        return files;
    }

    /** {@code reviews.json}, deflated, with its size and SHA-256 for the manifest. */
    private ExportManifest.ExportFile writeReviews(List<String> groupIds, Pseudonyms names, ExportZip zip)
            throws Exception {
        String key = reviewsKey != null ? reviewsKey : source.sourceKey();
        ReviewsFile file = reviews.export(key, groupIds);
        byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(names == null ? file
                : names.apply(file));
        zip.deflated(ExportManifest.REVIEWS_PATH, out -> out.write(json));
        String sha = HexFormat.of().formatHex(ExportZip.sha256().digest(json));
        return new ExportManifest.ExportFile(ExportManifest.REVIEWS_PATH, ExportManifest.REVIEWS_KIND, null,
                json.length, sha, "application/json", null);
    }

    /** One upload, read on a thread of its own while this one hashes and stores it; its manifest line. */
    private ExportManifest.ExportFile download(MediaKind k, String upload, String path, ExportZip zip, Cancellation c)
            throws Exception {
        String contentType = null;
        String fileName = null;
        long size = -1;
        try (MediaStream head = source.openUpload(k, upload, ByteRange.of(0, 0), c)) {
            contentType = head.contentType();
            fileName = head.fileName();
            size = head.totalSize();
        } catch (SourceException e) {
            if (e.reason() != SourceException.Reason.RANGE_NOT_SATISFIABLE) {
                throw e;
            }
        }
        Cancellation own = new Cancellation();
        try (Cancellation.Registration link = c.onCancel(own::cancel);
             Prefetch body = Prefetch.start("glow-export-download", out -> source.save(k, upload, out, own),
                     own::cancel, size)) {
            ExportZip.Stored s = zip.store(path, body, -1, null);
            return new ExportManifest.ExportFile(path, k.wireName(), upload, s.size(), s.sha256(), contentType,
                    fileName);
        }
    }

    /** The group's detail under the path of the id asked for (never an id the server wrote). */
    private void writeGroupJson(String id, GroupDetail d, Pseudonyms names, ExportZip zip) throws IOException {
        GroupDetail out = names == null ? d : names.apply(d);
        zip.deflated(ArchivePaths.groupJson(id), o -> mapper.writeValue(o, out));
    }

    /**
     * The private folder for media a server sends before its manifest: made only when such a file
     * comes (never in the contract's order), guarded against a stopped process, removed at the end.
     */
    private static final class Spool implements ServerExport.SpoolDir, AutoCloseable {
        private Path dir;
        private CleanupOnExit guard;

        @Override
        public Path get() throws IOException {
            if (dir == null) {
                dir = Files.createTempDirectory("glow-export-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                guard = CleanupOnExit.guard(dir);
            }
            return dir;
        }

        @Override
        public void close() {
            if (dir != null) {
                guard.close();
                CleanupOnExit.deleteTree(dir);
            }
        }
    }
}

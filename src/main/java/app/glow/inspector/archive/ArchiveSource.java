package app.glow.inspector.archive;

import app.glow.inspector.source.ByteRange;
import app.glow.inspector.source.Cancellation;
import app.glow.inspector.source.SourceException;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.source.MediaStream;
import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupIdentity;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsPage;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.MediaKind;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.RunWithMessages;
import app.glow.inspector.review.ReviewsFile;
import app.glow.inspector.service.GroupSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exported archive as a data source, fully offline. Opening checks everything before anything
 * is shown, and its work is bounded by the file's real size whatever the archive says: the central
 * directory is read by hand ({@link ZipDirectory}: entry count, duplicate names, local headers,
 * overlaps, declared sizes and ratios), every entry is inflated at most once with its bytes
 * counted against what it declares ({@link ArchiveFile}), the manifest and each group must be
 * consistent ({@link ArchiveChecks}), and every media file's size and SHA-256 must match the
 * manifest. Media are read from the file on demand; nothing is extracted to disk.
 */
public final class ArchiveSource implements GroupSource {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveSource.class);
    private final Path file;
    private final ArchiveFile archive;
    private final ZipDirectory directory;
    private final ExportManifest manifest;
    private final Map<String, GroupDetail> groups = new LinkedHashMap<>();
    private final List<GroupSummary> summaries = new ArrayList<>();
    private final Map<String, ExportManifest.ExportFile> media = new LinkedHashMap<>();
    private ReviewsFile reviews;

    private ArchiveSource(Path file, ArchiveFile archive, ZipDirectory directory, ExportManifest manifest) {
        this.file = file;
        this.archive = archive;
        this.directory = directory;
        this.manifest = manifest;
    }

    public static ArchiveSource open(Path file) throws ArchiveException {
        return open(file, ArchiveLimits.DEFAULT, Cancellation.none());
    }

    public static ArchiveSource open(Path file, ArchiveLimits limits, Cancellation c) throws ArchiveException {
        String label = "“" + ZipDirectory.printable(String.valueOf(file.getFileName())) + "”";
        ArchiveFile archive = ArchiveFile.open(file, label);
        try {
            return read(file, archive, limits, c);
        } catch (ArchiveException | RuntimeException e) {
            try {
                archive.close();
            } catch (IOException closing) {
                // refusing anyway; the descriptor is released with the failed close
                LOG.debug("closing a refused archive failed", closing);
            }
            if (e instanceof ArchiveException ae) {
                throw ae;
            }
            LOG.warn("reading an archive failed unexpectedly", e);
            throw new ArchiveException(label + " could not be read (an unexpected problem; the log has the "
                    + "details).", e);
        }
    }

    private static ArchiveSource read(Path file, ArchiveFile archive, ArchiveLimits limits, Cancellation c)
            throws ArchiveException {
        ZipDirectory dir = ZipDirectory.read(archive, limits);
        ArchiveFile.Budget budget = new ArchiveFile.Budget(limits.workBudget(archive.size()), archive.label());
        ObjectMapper mapper = GlowJson.newMapper();
        ExportManifest manifest = json(mapper, archive, dir, ArchivePaths.MANIFEST, ExportManifest.class, limits,
                budget);
        ArchiveChecks.manifest(manifest);
        ArchiveSource a = new ArchiveSource(file, archive, dir, manifest);
        for (int i = 0; i < manifest.files().size(); i++) {
            ExportManifest.ExportFile f = manifest.files().get(i);
            if (c.isCancelled()) {
                throw new ArchiveException("Opening was cancelled.");
            }
            ZipDirectory.Entry e = dir.get(f.path());
            if (e == null) {
                throw new ArchiveException("The manifest lists " + ZipDirectory.printable(f.path())
                        + ", which the archive does not hold.");
            }
            if (e.size() != f.size()) {
                throw new ArchiveException(ZipDirectory.printable(f.path()) + " is " + (e.size() > f.size()
                        ? "larger" : "smaller") + " than it declares in manifest.json (field “files[" + i
                        + "].size” says " + f.size() + " bytes; the entry holds " + e.size() + ").");
            }
            if (!sha256(archive, e, budget).equalsIgnoreCase(f.sha256())) {
                throw new ArchiveException("The SHA-256 of " + ZipDirectory.printable(f.path()) + " does not match "
                        + "the manifest: the archive was altered or damaged.");
            }
            if (f.isReviews()) {
                a.reviews = ArchiveReviews.read(mapper, f.size(), () -> archive.entry(e, budget), manifest.groups());
            } else {
                a.media.putIfAbsent(f.kind() + "/" + f.uploadId(), f);
            }
        }
        for (String gid : manifest.groups()) {
            if (c.isCancelled()) {
                throw new ArchiveException("Opening was cancelled.");
            }
            String path = ArchivePaths.groupJson(gid);
            GroupDetail d = json(mapper, archive, dir, path, GroupDetail.class, limits, budget);
            ArchiveChecks.group(gid, path, d);
            a.groups.put(gid, d);
            a.summaries.add(app.glow.inspector.service.Summaries.of(d));
        }
        a.summaries.sort(Comparator.comparing(GroupSummary::createdAt,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return a;
    }

    /** One JSON entry, bounded before parsing (it is held in memory) and counted while read. */
    private static <T> T json(ObjectMapper mapper, ArchiveFile archive, ZipDirectory dir, String path, Class<T> type,
                              ArchiveLimits limits, ArchiveFile.Budget budget) throws ArchiveException {
        ZipDirectory.Entry e = dir.get(path);
        if (e == null) {
            throw new ArchiveException(path.equals(ArchivePaths.MANIFEST)
                    ? "This ZIP has no manifest.json: it is not a Glow group export."
                    : "The manifest lists a group but the archive has no " + ZipDirectory.printable(path) + ".");
        }
        if (e.size() > limits.maxJsonBytes()) {
            throw new ArchiveException(ZipDirectory.printable(path) + " declares " + String.format("%,d", e.size())
                    + " bytes, more than the " + String.format("%,d", limits.maxJsonBytes()) + " the inspector "
                    + "reads.");
        }
        return ArchiveChecks.parse(mapper, archive.entry(e, budget), ZipDirectory.printable(path), type);
    }

    private static String sha256(ArchiveFile archive, ZipDirectory.Entry e, ArchiveFile.Budget budget)
            throws ArchiveException {
        try (InputStream in = archive.entry(e, budget)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) >= 0) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (ArchiveException ex) {
            throw ex;
        } catch (IOException ex) {
            throw new ArchiveException(ZipDirectory.printable(e.name()) + " could not be read whole ("
                    + ArchiveChecks.readable(ex.getMessage()) + "): the archive is damaged.", ex);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public ExportManifest manifest() {
        return manifest;
    }

    /**
     * The reviews the archive carries ({@code reviews.json}, verified against the manifest), or
     * empty for an archive exported without them. An unlisted reviews.json is ignored: unverified.
     */
    public Optional<ReviewsFile> reviews() {
        return Optional.ofNullable(reviews);
    }

    @Override
    public String title() {
        return file.getFileName().toString();
    }

    private volatile String fileKey;

    /** "sha256:…" of the archive file itself: the same archive opened twice is the same source. */
    @Override
    public String sourceKey() throws SourceException {
        String k = fileKey;
        if (k == null) {
            // the file that was checked, through the handle held open (the path may name another file by now)
            try (InputStream in = archive.region(0, archive.size(), 0)) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
                k = "sha256:" + HexFormat.of().formatHex(md.digest());
                fileKey = k;
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                throw new SourceException(SourceException.Reason.UNAVAILABLE,
                        "The archive " + file.getFileName() + " could not be read again: " + e.getMessage(), e);
            }
        }
        return k;
    }

    @Override
    public boolean isDemo() {
        return false;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public GroupsPage groups(GroupsQuery q, Cancellation c) throws SourceException {
        int size = q.pageSize() == null ? 25 : q.pageSize();
        int start = 0;
        if (q.pageToken() != null) {
            try {
                start = Integer.parseInt(q.pageToken());
            } catch (NumberFormatException e) {
                throw new SourceException(SourceException.Reason.BAD_REQUEST,
                        "The page token is not one this archive gave out.");
            }
        }
        String needle = q.query() == null ? null : q.query().toLowerCase(Locale.ROOT);
        List<GroupSummary> matching = summaries.stream().filter(s -> (needle == null || (s.groupName() != null
                && s.groupName().toLowerCase(Locale.ROOT).contains(needle)))
                && (q.createdAfter() == null || (s.createdAt() != null && !s.createdAt().isBefore(q.createdAfter())))
                && (q.createdBefore() == null || (s.createdAt() != null && s.createdAt().isBefore(q.createdBefore()))))
                .toList();
        int end = Math.min(matching.size(), start + size);
        List<GroupSummary> page = start >= matching.size() ? List.of() : matching.subList(start, end);
        var names = new Names();
        page.forEach(s -> names.add(groups.get(s.groupId())));
        return new GroupsPage(page, end < matching.size() ? String.valueOf(end) : null, (long) matching.size(),
                names.models, names.agents, names.profiles, List.of());
    }

    /** The resources named by the groups of a page. */
    private static final class Names {
        final List<app.glow.inspector.model.ModelRef> models = new ArrayList<>();
        final List<app.glow.inspector.model.AgentRef> agents = new ArrayList<>();
        final List<app.glow.inspector.model.ProfileRef> profiles = new ArrayList<>();

        void add(GroupDetail d) {
            models.addAll(d.models());
            agents.addAll(d.agents());
            profiles.addAll(d.profiles());
        }
    }

    @Override
    public GroupIdentity resolve(String groupId, Cancellation c) {
        GroupDetail d = groups.get(groupId);
        return d == null ? new GroupIdentity(false, groupId, null, null)
                : new GroupIdentity(true, groupId, d.groupName(), d.actorName());
    }

    @Override
    public GroupDetail detail(String groupId, Integer offset, Integer limit, Cancellation c) {
        GroupDetail d = groups.get(groupId);
        if (d == null) {
            return new GroupDetail(false, groupId, null, null, 0, List.of(), List.of(), List.of(), List.of());
        }
        long total = 0;
        for (RunWithMessages rm : d.runs()) {
            total += rm.messages().size();
        }
        long from = Math.min(offset == null ? 0 : offset, total);
        long to = limit == null ? total : Math.min(total, from + limit);
        List<RunWithMessages> runs = new ArrayList<>(d.runs().size());
        long pos = 0;
        for (RunWithMessages rm : d.runs()) {
            List<Message> in = new ArrayList<>();
            for (Message m : rm.messages()) {
                if (pos >= from && pos < to) {
                    in.add(m);
                }
                pos++;
            }
            runs.add(new RunWithMessages(rm.run(), in, rm.previousContextStartIndex()));
        }
        return new GroupDetail(true, d.groupId(), d.groupName(), d.actorName(), total, runs, d.models(), d.agents(),
                d.profiles());
    }

    @Override
    public MediaStream openUpload(MediaKind kind, String uploadId, ByteRange range, Cancellation c)
            throws SourceException {
        ExportManifest.ExportFile f = media.get(kind.wireName() + "/" + uploadId);
        if (f == null) {
            throw new SourceException(SourceException.Reason.NOT_FOUND, "The archive does not hold "
                    + kind.wireName() + " " + uploadId + " (exported without media?).");
        }
        long size = f.size();
        long first = 0;
        long last = size - 1;
        int status = 200;
        if (range != null) {
            ByteRange.Span span = range.resolve(size);
            if (span == null) {
                throw new SourceException(SourceException.Reason.RANGE_NOT_SATISFIABLE,
                        "The requested range is outside the upload (" + size + " bytes).");
            }
            first = span.first();
            last = span.last();
            status = 206;
        }
        try {
            InputStream in = archive.entryFrom(directory.get(f.path()), first);
            long length = last - first + 1;
            InputStream limited = new java.io.FilterInputStream(in) {
                long left = length;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int r = super.read(b, off, (int) Math.min(len, left));
                    if (r > 0) {
                        left -= r;
                    }
                    return r;
                }
            };
            return new MediaStream(status, f.contentType(), length, first, size, "\"" + f.sha256() + "\"",
                    f.fileName(), true, limited, in);
        } catch (IOException e) {
            throw new SourceException(SourceException.Reason.INTEGRITY,
                    "Reading " + f.path() + " from the archive failed: " + e.getMessage(), e);
        }
    }

    /** Every group the archive holds, whole (for re-export). */
    public GroupDetail group(String groupId) {
        return groups.get(groupId);
    }

    @Override
    public void close() {
        try {
            archive.close();
        } catch (IOException e) {
            // a read-only file: nothing was written, so a failed close loses nothing
            LOG.debug("closing an archive failed", e);
        }
    }
}

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
import app.glow.inspector.service.GroupSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An exported archive as a data source, fully offline. Opening checks everything before anything
 * is shown: entry names that escape the archive, sizes and compression ratios beyond sane bounds,
 * a missing or foreign manifest, and every media file's SHA-256 (counted, not trusted). Media are
 * read from the ZIP on demand; nothing is extracted to disk.
 */
public final class ArchiveSource implements GroupSource {
    private final Path file;
    private final ZipFile zip;
    private final ExportManifest manifest;
    private final Map<String, GroupDetail> groups = new LinkedHashMap<>();
    private final List<GroupSummary> summaries = new ArrayList<>();
    private final Map<String, ExportManifest.ExportFile> media = new LinkedHashMap<>();

    private ArchiveSource(Path file, ZipFile zip, ExportManifest manifest) {
        this.file = file;
        this.zip = zip;
        this.manifest = manifest;
    }

    public static ArchiveSource open(Path file) throws ArchiveException {
        return open(file, ArchiveLimits.DEFAULT, Cancellation.none());
    }

    public static ArchiveSource open(Path file, ArchiveLimits limits, Cancellation c) throws ArchiveException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ArchiveException("“" + file.getFileName() + "” is not a readable ZIP archive (it may be "
                    + "truncated or damaged).", e);
        } catch (IOException e) {
            throw new ArchiveException("“" + file.getFileName() + "” cannot be opened: " + e.getMessage(), e);
        }
        try {
            ArchiveSource a = read(file, zip, limits, c);
            return a;
        } catch (ArchiveException | RuntimeException e) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // refusing anyway
            }
            throw e instanceof ArchiveException ae ? ae : new ArchiveException("The archive could not be read: " + e, e);
        }
    }

    private static ArchiveSource read(Path file, ZipFile zip, ArchiveLimits limits, Cancellation c)
            throws ArchiveException {
        int count = 0;
        long total = 0;
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (++count > limits.maxEntries()) {
                throw new ArchiveException("The archive has more than " + limits.maxEntries() + " entries.");
            }
            if (!ArchivePaths.isSafe(e.getName())) {
                throw new ArchiveException("The archive holds an entry whose path escapes it (“" + printable(e.getName())
                        + "”). It was refused; nothing was read from it.");
            }
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size > limits.maxEntryBytes()) {
                throw new ArchiveException("The entry “" + printable(e.getName()) + "” declares " + size
                        + " bytes, beyond what the inspector accepts.");
            }
            if (size > (1 << 20) && packed > 0 && size / packed > limits.maxRatio()) {
                throw new ArchiveException("The entry “" + printable(e.getName()) + "” expands " + size / packed
                        + " times: this looks like a ZIP bomb and was refused.");
            }
            total += Math.max(0, size);
            if (total > limits.maxTotalBytes()) {
                throw new ArchiveException("The archive expands to more than " + limits.maxTotalBytes() + " bytes.");
            }
        }
        ObjectMapper mapper = GlowJson.newMapper();
        ZipEntry me = zip.getEntry(ArchivePaths.MANIFEST);
        if (me == null) {
            throw new ArchiveException("This ZIP has no manifest.json: it is not a Glow group export.");
        }
        ExportManifest manifest;
        try (InputStream in = bounded(zip, me, 64L << 20)) {
            manifest = mapper.readValue(in, ExportManifest.class);
        } catch (IOException e) {
            throw new ArchiveException("The archive's manifest.json is not valid: " + e.getMessage(), e);
        }
        if (!ExportManifest.FORMAT.equals(manifest.format())) {
            throw new ArchiveException("The manifest says format “" + manifest.format() + "”, not “"
                    + ExportManifest.FORMAT + "”.");
        }
        ArchiveSource a = new ArchiveSource(file, zip, manifest);
        for (ExportManifest.ExportFile f : manifest.files()) {
            if (c.isCancelled()) {
                throw new ArchiveException("Opening was cancelled.");
            }
            if (!ArchivePaths.isSafe(f.path())) {
                throw new ArchiveException("The manifest names a path that escapes the archive: " + printable(f.path()));
            }
            ZipEntry e = zip.getEntry(f.path());
            if (e == null) {
                throw new ArchiveException("The manifest lists " + f.path() + ", which the archive does not hold.");
            }
            String sha = sha256(zip, e, Math.min(f.size(), limits.maxEntryBytes()));
            if (!sha.equalsIgnoreCase(f.sha256())) {
                throw new ArchiveException("The SHA-256 of " + f.path() + " does not match the manifest: the archive "
                        + "was altered or damaged.");
            }
            a.media.put(f.kind() + "/" + f.uploadId(), f);
        }
        for (String gid : manifest.groups()) {
            String path = ArchivePaths.groupJson(gid);
            if (!ArchivePaths.isSafe(path)) {
                throw new ArchiveException("The manifest names a group id that escapes the archive: " + printable(gid));
            }
            ZipEntry e = zip.getEntry(path);
            if (e == null) {
                throw new ArchiveException("The manifest lists group " + gid + " but the archive has no " + path + ".");
            }
            try (InputStream in = bounded(zip, e, 1L << 30)) {
                GroupDetail d = mapper.readValue(in, GroupDetail.class);
                a.groups.put(gid, d);
                a.summaries.add(app.glow.inspector.service.Summaries.of(d));
            } catch (IOException ex) {
                throw new ArchiveException(path + " is not a valid group: " + ex.getMessage(), ex);
            }
        }
        a.summaries.sort(Comparator.comparing(GroupSummary::createdAt,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return a;
    }

    /** Reads at most {@code max} bytes of an entry, failing beyond: sizes are counted, not trusted. */
    private static InputStream bounded(ZipFile zip, ZipEntry e, long max) throws IOException {
        InputStream in = zip.getInputStream(e);
        return new java.io.FilterInputStream(in) {
            long n;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++n > max) {
                    throw new IOException("entry larger than declared");
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int r = super.read(b, off, len);
                if (r > 0 && (n += r) > max) {
                    throw new IOException(e.getName() + " is larger than it declares");
                }
                return r;
            }
        };
    }

    private static String sha256(ZipFile zip, ZipEntry e, long declared) throws ArchiveException {
        try (InputStream in = bounded(zip, e, declared)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException ex) {
            throw new ArchiveException(e.getName() + " could not be read whole: " + ex.getMessage()
                    + " (the archive is damaged or lies about its sizes).", ex);
        } catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    /** The archive file (its bytes identify it, e.g. for the search index). */
    public Path file() {
        return file;
    }

    public ExportManifest manifest() {
        return manifest;
    }

    @Override
    public String title() {
        return file.getFileName().toString();
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
            InputStream in = zip.getInputStream(zip.getEntry(f.path()));
            in.skipNBytes(first);
            long length = last - first + 1;
            InputStream limited = new java.io.FilterInputStream(in) {
                long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
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
            zip.close();
        } catch (IOException ignored) {
            // closing a read-only archive
        }
    }
}

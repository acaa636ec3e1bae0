package app.glow.inspector.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source's full-text index (a Lucene directory in the user's cache folder): one document per
 * message, one per group with its fingerprint. A cache: an index of another schema or a damaged one
 * is rebuilt from scratch. Thread-safe; writes from several indexing threads at once.
 */
public final class SearchIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final String SCHEMA_KEY = "schema";

    private final Path folder;
    private final Directory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = Fields.analyzer();
    private final Map<String, String> commitData = new HashMap<>();

    private SearchIndex(Path folder, Directory dir, IndexWriter writer) throws IOException {
        this.folder = folder;
        this.dir = dir;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, true, false, null);
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> commitData.put(e.getKey(), e.getValue()));
        }
    }

    /** Opens (or creates) the index in {@code folder}; one process at a time. */
    public static SearchIndex open(Path folder) throws SearchIndexException {
        try {
            Files.createDirectories(folder);
            Directory dir = FSDirectory.open(folder);
            IndexWriter w;
            try {
                w = writer(dir);
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException damaged) {
                // the index is only a cache of what the source holds: start again rather than fail
                log.warn("The search index in {} could not be read ({}); rebuilding it.", folder,
                        damaged.getMessage());
                wipe(folder);
                w = writer(dir);
            }
            SearchIndex index = new SearchIndex(folder, dir, w);
            if (!Fields.SCHEMA.equals(index.commitData.get(SCHEMA_KEY))) {
                w.deleteAll();
                index.commitData.clear();
                index.commit();
            }
            return index;
        } catch (LockObtainFailedException e) {
            throw new SearchIndexException("The search index is in use by another Glow Inspector (the app or a "
                    + "glow command). Close it and try again.", e);
        } catch (IOException e) {
            throw new SearchIndexException("The search index in " + folder + " could not be opened: "
                    + e.getMessage(), e);
        }
    }

    private static IndexWriter writer(Directory dir) throws IOException {
        IndexWriterConfig cfg = new IndexWriterConfig(Fields.analyzer());
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        cfg.setRAMBufferSizeMB(32); // bounded: flushed to disk beyond this, whatever the number of groups
        cfg.setCommitOnClose(true);
        return new IndexWriter(dir, cfg);
    }

    private static void wipe(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (!p.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    public Path folder() {
        return folder;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    // ---- Writing ----------------------------------------------------------------------------

    /** Starts replacing one group: its old documents go at once; {@link GroupWriter#finish} seals it. */
    GroupWriter replaceGroup(String groupId) throws IOException {
        writer.deleteDocuments(new Term(Fields.GROUP_ID, groupId));
        return new GroupWriter(groupId);
    }

    /** Drops a group (gone from the source). */
    public void removeGroup(String groupId) throws IOException {
        writer.deleteDocuments(new Term(Fields.GROUP_ID, groupId));
    }

    /** Adds the messages of one group, then its fingerprint; a group left unfinished has none. */
    final class GroupWriter {
        private final String groupId;
        private long messages;

        private GroupWriter(String groupId) {
            this.groupId = groupId;
        }

        void add(MessageDoc m) throws IOException {
            writer.addDocument(m.toDocument());
            messages++;
        }

        long messages() {
            return messages;
        }

        void finish(String groupName, Fingerprint fp) throws IOException {
            writer.addDocument(MessageDoc.groupDocument(groupId, groupName, fp, messages));
        }

        /** Leaves nothing of the group behind, so the next run indexes it again. */
        void abort() throws IOException {
            writer.deleteDocuments(new Term(Fields.GROUP_ID, groupId));
        }
    }

    /** Makes everything written so far durable, with the index's own marks. */
    public synchronized void commit() throws IOException {
        commitData.put(SCHEMA_KEY, Fields.SCHEMA);
        writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** A mark kept with the next commit (an archive's "indexed whole"). */
    public synchronized void putMark(String key, String value) {
        commitData.put(key, value);
    }

    public synchronized String mark(String key) {
        return commitData.get(key);
    }

    /** Empties the index (the settings' "Clear index"). */
    public synchronized void clear() throws IOException {
        writer.deleteAll();
        commitData.clear();
        commit();
    }

    // ---- Reading ----------------------------------------------------------------------------

    /** The fingerprint the group was indexed with, or null when it is not (wholly) indexed. */
    public Fingerprint fingerprint(String groupId) throws IOException {
        Document d = groupDocument(groupId);
        return d == null ? null : Fingerprint.decode(d.get(Fields.FINGERPRINT));
    }

    public boolean contains(String groupId) throws IOException {
        return groupDocument(groupId) != null;
    }

    private Document groupDocument(String groupId) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_GROUP)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.GROUP_ID, groupId)), BooleanClause.Occur.FILTER).build();
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs td = s.search(q, 1);
            return td.scoreDocs.length == 0 ? null : s.storedFields().document(td.scoreDocs[0].doc);
        } finally {
            searchers.release(s);
        }
    }

    /** Makes writes since the last commit or refresh visible to searches and fingerprints. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Groups wholly indexed. */
    public int groupCount() throws IOException {
        return count(Fields.KIND_GROUP);
    }

    /** Messages indexed. */
    public int messageCount() throws IOException {
        return count(Fields.KIND_MESSAGE);
    }

    private int count(String kind) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.count(new TermQuery(new Term(Fields.KIND, kind)));
        } finally {
            searchers.release(s);
        }
    }

    /** Bytes on disk. */
    public long sizeBytes() {
        return SearchIndexes.sizeOf(folder);
    }

    /**
     * Runs a search; at most {@code maxHits} messages are loaded with snippets, every match is
     * counted per group. Sees everything written so far, committed or not.
     */
    public SearchResults search(String query, int maxHits, ZoneId zone) throws SearchSyntaxException, IOException {
        Query q = new SearchQueryParser(analyzer, zone).parse(query);
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            return new QueryRunner(s, analyzer).run(query, q, maxHits);
        } catch (IndexSearcher.TooManyClauses e) {
            throw SearchQueryParser.tooManyClauses();
        } finally {
            searchers.release(s);
        }
    }

    /** Whether the index holds anything written by an earlier session (for "nothing indexed yet"). */
    public boolean isEmpty() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs() == 0;
        } finally {
            searchers.release(s);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            searchers.close();
            commitData.put(SCHEMA_KEY, Fields.SCHEMA);
            writer.setLiveCommitData(Map.copyOf(commitData).entrySet());
            writer.close();
        } finally {
            dir.close();
        }
    }
}

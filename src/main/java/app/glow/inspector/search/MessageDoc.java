package app.glow.inspector.search;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * Everything indexed about one message: its text (all its text uploads, in order), who and what
 * produced it (role, the run's model, agent and profile, by name and id), its tool calls, its
 * upload file names, and its group.
 */
record MessageDoc(String groupId, String groupName, String messageId, String runId, String role, Instant time,
                  long position, String text, List<String> models, List<String> agents, List<String> profiles,
                  List<String> templates, List<String> files) {
    /** Text stored with offsets, so highlighting needs no second analysis of a long message. */
    private static final FieldType TEXT_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    Document toDocument() {
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_MESSAGE, Field.Store.NO));
        groupFields(d, groupId, groupName);
        d.add(new StringField(Fields.MESSAGE_ID, messageId, Field.Store.YES));
        if (runId != null) {
            d.add(new StringField(Fields.RUN_ID, runId, Field.Store.YES));
        }
        d.add(new TextField(Fields.ROLE, role == null ? "" : role, Field.Store.YES));
        if (time != null) {
            d.add(new LongPoint(Fields.TIME, time.toEpochMilli()));
            d.add(new StoredField(Fields.TIME, time.toEpochMilli()));
        }
        d.add(new StoredField(Fields.POSITION, position));
        d.add(new Field(Fields.TEXT, text == null ? "" : text, TEXT_TYPE));
        models.forEach(v -> d.add(new TextField(Fields.MODEL, v, Field.Store.NO)));
        agents.forEach(v -> d.add(new TextField(Fields.AGENT, v, Field.Store.NO)));
        profiles.forEach(v -> d.add(new TextField(Fields.PROFILE, v, Field.Store.NO)));
        templates.forEach(v -> d.add(new TextField(Fields.TEMPLATE, v, Field.Store.NO)));
        files.forEach(v -> d.add(new TextField(Fields.FILE, v, Field.Store.NO)));
        return d;
    }

    /** The group's id (exact, stored, and as doc values for the per-group counts) and its name. */
    static void groupFields(Document d, String groupId, String groupName) {
        d.add(new StringField(Fields.GROUP_ID, groupId, Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.GROUP_ID, new BytesRef(groupId)));
        if (groupName != null) {
            d.add(new TextField(Fields.GROUP_NAME, groupName, Field.Store.YES));
        }
    }

    /** The group's own document: its fingerprint, written last so a half-indexed group has none. */
    static Document groupDocument(String groupId, String groupName, Fingerprint fp, long messages) {
        Document d = new Document();
        d.add(new StringField(Fields.KIND, Fields.KIND_GROUP, Field.Store.NO));
        groupFields(d, groupId, groupName);
        d.add(new StoredField(Fields.FINGERPRINT, fp.encode()));
        d.add(new StoredField(Fields.MESSAGE_COUNT, messages));
        return d;
    }
}

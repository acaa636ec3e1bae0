package app.glow.inspector.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.source.Cancellation;
import app.glow.inspector.api.GlowJson;
import app.glow.inspector.model.ExportManifest;
import app.glow.inspector.model.GroupDetail;
import app.glow.inspector.model.GroupSummary;
import app.glow.inspector.model.GroupsQuery;
import app.glow.inspector.model.Message;
import app.glow.inspector.model.RunWithMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class DemoExportTest extends DemoServerSupport {
    private final ObjectMapper mapper = GlowJson.newMapper();

    @Test
    void exportZipFollowsTheLayoutAndEveryHashMatches() throws Exception {
        GroupSummary g = client.groups(GroupsQuery.firstPage(1), Cancellation.none()).groups().get(0);
        var zip = new ByteArrayOutputStream();
        client.export(g.groupId(), zip, Cancellation.none());

        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            ZipEntry e;
            boolean first = true;
            while ((e = in.getNextEntry()) != null) {
                if (first) {
                    assertEquals("manifest.json", e.getName(), "the manifest comes first, for streaming readers");
                    first = false;
                }
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        ExportManifest manifest = mapper.readValue(entries.get("manifest.json"), ExportManifest.class);
        assertEquals("glow-group-export", manifest.format());
        assertEquals(1, manifest.version());
        assertEquals(java.util.List.of(g.groupId()), manifest.groups());
        assertTrue(manifest.exportedAt() != null);

        GroupDetail detail = mapper.readValue(entries.get("groups/" + g.groupId() + "/group.json"), GroupDetail.class);
        assertEquals(g.messageCount(), detail.windowMessageCount(), "group.json holds every message");
        assertEquals(detail.totalMessageCount(), detail.windowMessageCount());

        Set<String> referenced = new HashSet<>();
        for (RunWithMessages r : detail.runs()) {
            for (Message m : r.messages()) {
                for (var k : app.glow.inspector.model.MediaKind.values()) {
                    for (String id : m.uploadIds(k)) {
                        referenced.add("groups/" + g.groupId() + "/media/" + k.wireName() + "/" + id);
                    }
                }
            }
        }
        Set<String> listed = new HashSet<>();
        for (ExportManifest.ExportFile f : manifest.files()) {
            byte[] bytes = entries.get(f.path());
            assertTrue(bytes != null, "listed file present: " + f.path());
            assertEquals(f.size(), bytes.length, f.path());
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertEquals(f.sha256(), sha, f.path());
            assertTrue(f.path().endsWith("/" + f.kind() + "/" + f.uploadId()));
            listed.add(f.path());
        }
        assertEquals(referenced, listed, "every upload the group references, once");
        assertEquals(listed.size() + 2, entries.size());
        assertTrue(listed.stream().anyMatch(p -> p.contains("/video/")), "the rich group has video");
    }

    @Test
    void unknownGroupExportIs404() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(app.glow.inspector.api.GlowApiException.class,
                () -> client.export("nope", new ByteArrayOutputStream(), Cancellation.none()));
        assertEquals(404, e.status());
    }
}

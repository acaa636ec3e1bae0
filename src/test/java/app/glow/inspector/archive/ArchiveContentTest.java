package app.glow.inspector.archive;

import static app.glow.inspector.archive.Archives.group;
import static app.glow.inspector.archive.Archives.manifest;
import static app.glow.inspector.archive.Archives.refusal;
import static app.glow.inspector.archive.Archives.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glow.inspector.archive.Archives.Entry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** JSON that parses but does not hold together: refused at open, naming the entry and the field. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ArchiveContentTest {
    @TempDir
    Path dir;

    private String refused(String name, String manifest, String groupId, String groupJson) throws Exception {
        return refusal(Archives.zip(dir.resolve(name), Entry.of(ArchivePaths.MANIFEST, manifest),
                Entry.of(ArchivePaths.groupJson(groupId), groupJson)));
    }

    @Test
    void aGroupWhoseIdDiffersFromItsPathIsRefused() throws Exception {
        String msg = refused("id.zip", manifest(List.of("g1")), "g1", group("other", ""));
        assertTrue(msg.contains("groups/g1/group.json") && msg.contains("“group_id”") && msg.contains("“other”"), msg);
    }

    @Test
    void nullWhereARunIsRequiredIsRefused() throws Exception {
        String msg = refused("null.zip", manifest(List.of("g")), "g",
                group("g", "{\"run\": null, \"messages\": []}"));
        assertTrue(msg.contains("groups/g/group.json") && msg.contains("“runs[0].run”"), msg);
        String noId = refused("noid.zip", manifest(List.of("g")), "g", group("g", run("r", "1").replace(
                "\"id\": \"r\", ", "")));
        assertTrue(noId.contains("“runs[0].run.id”"), noId);
        String nullGroup = refused("nullgroup.zip", manifest(List.of("g")), "g", "null");
        assertTrue(nullGroup.contains("groups/g/group.json holds null"), nullGroup);
    }

    @Test
    void aManifestFileWithoutPathIsRefusedByField() throws Exception {
        String noPath = "{\"kind\": \"image\", \"upload_id\": \"i1\", \"size\": 1, \"sha256\": \"" + "0".repeat(64)
                + "\"}";
        String msg = refused("nopath.zip", manifest(List.of("g"), noPath), "g", group("g", ""));
        assertTrue(msg.contains("manifest.json") && msg.contains("“files[0].path”") && msg.contains("missing"), msg);
        String badKind = noPath.replace("\"kind\": \"image\"", "\"path\": \"groups/g/media/x/i1\", \"kind\": \"x\"");
        assertTrue(refused("kind.zip", manifest(List.of("g"), badKind), "g", group("g", ""))
                .contains("“files[0].kind”"));
        String jsonEntry = noPath.replace("\"kind\"", "\"path\": \"groups/g/group.json\", \"kind\"");
        String served = refused("layout.zip", manifest(List.of("g"), jsonEntry), "g", group("g", ""));
        assertTrue(served.contains("“files[0].path”") && served.contains("is not groups/"), served);
    }

    @Test
    void aValueOfTheWrongTypeNamesItsField() throws Exception {
        String msg = refused("type.zip", manifest(List.of("g")), "g",
                group("g", run("r", "1").replace("\"input_tokens\": 10", "\"input_tokens\": \"ten\"")));
        assertTrue(msg.contains("groups/g/group.json, field “runs[0].run.input_tokens”"), msg);
        String broken = refused("broken.zip", manifest(List.of("g")), "g", "{\"group_id\": ");
        assertTrue(broken.contains("groups/g/group.json is not valid JSON"), broken);
    }

    @Test
    void anAbsurdCostIsRefusedNamingTheFileAndField() throws Exception {
        String msg = refused("cost.zip", manifest(List.of("g")), "g", group("g", run("r", "1e5000000")));
        assertTrue(msg.contains("groups/g/group.json, field “runs[0].run.cost”")
                && msg.contains("not a believable amount of money"), msg);
    }
}

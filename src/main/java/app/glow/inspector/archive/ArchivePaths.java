package app.glow.inspector.archive;

/** The contract's layout, and the check that an entry name stays inside the archive. */
public final class ArchivePaths {
    public static final String MANIFEST = "manifest.json";

    private ArchivePaths() {
    }

    public static String groupJson(String groupId) {
        return "groups/" + groupId + "/group.json";
    }

    public static String media(String groupId, String kind, String uploadId) {
        return "groups/" + groupId + "/media/" + kind + "/" + uploadId;
    }

    /** True for a relative name with no "..", no absolute path, no drive letter, no backslash, no NUL. */
    public static boolean isSafe(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.matches("^[A-Za-z]:.*")) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }
}

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

    private static final java.util.regex.Pattern SAFE_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~+=-]{0,199}");

    /**
     * True for an id that may become one segment of an entry path: letters, digits and
     * {@code . _ ~ + = -}, starting with a letter or digit, at most 200 characters (so never
     * {@code ..}, a slash, a backslash, a drive letter or a control character).
     */
    public static boolean isSafeId(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }

    /** An id as it may be shown in a message: quoted, control characters replaced, cut to 80 characters. */
    public static String shown(String id) {
        if (id == null) {
            return "null";
        }
        String s = id.replaceAll("\\p{Cntrl}", "?");
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "\"";
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

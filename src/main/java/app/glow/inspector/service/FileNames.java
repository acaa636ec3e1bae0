package app.glow.inspector.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Makes a server's untrusted file name safe to save: no path separators or traversal, no
 * control characters, no reserved device names, no leading dots or trailing spaces, a bounded
 * length; falls back to a name from the upload id when nothing usable is left.
 */
public final class FileNames {
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4",
            "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8",
            "LPT9");
    private static final int MAX = 120;

    private FileNames() {
    }

    public static String sanitize(String name, String uploadId, String extensionHint) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        // keep only the last path element, whichever separator the sender used
        int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (cut >= 0) {
            n = n.substring(cut + 1);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char ch = n.charAt(i);
            if (Character.isISOControl(ch) || "<>:\"|?*".indexOf(ch) >= 0 || Character.getType(ch) == Character.FORMAT) {
                sb.append('_');
            } else {
                sb.append(ch);
            }
        }
        n = sb.toString().strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        n = n.replaceAll("[. ]+$", "");
        String base = n.contains(".") ? n.substring(0, n.indexOf('.')) : n;
        if (RESERVED.contains(base.toUpperCase(Locale.ROOT))) {
            n = "_" + n;
        }
        if (n.length() > MAX) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, MAX - ext.length()) + ext;
        }
        if (n.isEmpty() || n.replace("_", "").isBlank()) {
            String id = uploadId == null ? "upload" : uploadId.replaceAll("[^A-Za-z0-9-]", "");
            n = "upload-" + (id.isEmpty() ? "file" : id) + (extensionHint == null ? "" : extensionHint);
        }
        return n;
    }

    /** A file extension for a content type, used when a name must be made up. */
    public static String extensionFor(String contentType) {
        if (contentType == null) {
            return "";
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        if (t.startsWith("image/png")) {
            return ".png";
        }
        if (t.startsWith("image/jpeg")) {
            return ".jpg";
        }
        if (t.startsWith("audio/mpeg")) {
            return ".mp3";
        }
        if (t.startsWith("audio/wav") || t.startsWith("audio/x-wav")) {
            return ".wav";
        }
        if (t.startsWith("video/mp4")) {
            return ".mp4";
        }
        if (t.startsWith("application/pdf")) {
            return ".pdf";
        }
        if (t.startsWith("text/csv")) {
            return ".csv";
        }
        if (t.startsWith("text/")) {
            return ".txt";
        }
        return "";
    }
}

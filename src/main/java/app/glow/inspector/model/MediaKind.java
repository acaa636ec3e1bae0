package app.glow.inspector.model;

import java.util.Locale;

/** The five upload kinds and how the contract names them on the wire. */
public enum MediaKind {
    AUDIO, IMAGE, VIDEO, FILE, TEXT;

    /** "audio", "image", ...: the folder name in export archives. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The request body field, e.g. {@code audio_upload_id}. */
    public String idField() {
        return wireName() + "_upload_id";
    }

    /** The endpoint path, e.g. {@code /system/audio_download}. */
    public String downloadPath() {
        return "/system/" + wireName() + "_download";
    }

    public static MediaKind fromWireName(String name) {
        for (MediaKind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown media kind: " + name);
    }
}

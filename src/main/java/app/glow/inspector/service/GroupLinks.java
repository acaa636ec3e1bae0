package app.glow.inspector.service;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a group id in whatever a reviewer pastes: a bare id, a link, a sentence. */
public final class GroupLinks {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PARAM = Pattern.compile("(?:group_id|group|groupId|id)=([A-Za-z0-9._~-]+)");

    private GroupLinks() {
    }

    public static Optional<String> extractId(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher u = UUID.matcher(t);
        if (u.find()) {
            return Optional.of(u.group());
        }
        Matcher p = PARAM.matcher(t);
        if (p.find()) {
            return Optional.of(p.group(1));
        }
        if (t.matches("[A-Za-z0-9._~-]{1,200}")) {
            return Optional.of(t); // an opaque id of another shape
        }
        int slash = t.lastIndexOf('/');
        if (slash >= 0 && slash < t.length() - 1) {
            String last = t.substring(slash + 1);
            if (last.matches("[A-Za-z0-9._~-]{1,200}")) {
                return Optional.of(last);
            }
        }
        return Optional.empty();
    }
}

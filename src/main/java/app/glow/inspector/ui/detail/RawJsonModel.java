package app.glow.inspector.ui.detail;

import app.glow.inspector.model.Message;
import app.glow.inspector.service.RawJson;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The raw JSON of the open group's first window and of the selected message. */
public final class RawJsonModel {
    private final RawJson json = new RawJson();
    private final ReadOnlyStringWrapper group = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public ReadOnlyStringProperty groupJsonProperty() {
        return group.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageJsonProperty() {
        return message.getReadOnlyProperty();
    }

    /** Pretty JSON of a value; off the FX thread for big groups (hundreds of runs are not free). */
    String pretty(Object value) {
        return json.pretty(value);
    }

    void showGroup(String text) {
        group.set(text);
    }

    void showMessage(Message m) {
        message.set(m == null ? "" : json.pretty(m));
    }

    void clear() {
        group.set("");
        message.set("");
    }
}

package app.glow.inspector.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Events a view model raises for its views (scroll here, redraw highlights): explicit, one per
 * occurrence, unlike a property that must be set to null and back to fire twice. Owned by one
 * view model; not a global bus.
 */
public final class EventStream<T> {
    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();

    /** Listens until the returned handle is run. */
    public Runnable subscribe(Consumer<? super T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void emit(T event) {
        for (Consumer<? super T> l : listeners) {
            l.accept(event);
        }
    }
}

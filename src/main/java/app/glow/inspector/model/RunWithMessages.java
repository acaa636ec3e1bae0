package app.glow.inspector.model;

import java.util.List;

/**
 * A run and the part of its messages inside the requested window.
 * {@code previousContextStartIndex} counts positions in the run's whole message list; null when
 * nothing is replayed.
 */
public record RunWithMessages(Run run, List<Message> messages, Integer previousContextStartIndex) {
    public RunWithMessages {
        messages = Lists.copy(messages);
    }
}

package io.palestra.events;

/**
 * A published record that erases its key on a compacted topic: it travels with its CloudEvents headers and a
 * {@code null} value. Consumers drop everything they hold for the key.
 */
public interface Tombstone extends PublishedEvent {
}

package io.palestra.local.platform;

/** A bad argument or environment variable: the user gets the message and the usage, and exit code 2. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}

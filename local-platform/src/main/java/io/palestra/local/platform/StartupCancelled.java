package io.palestra.local.platform;

/** The platform was asked to stop (Ctrl-C) while it was starting. */
final class StartupCancelled extends StartupFailure {

    StartupCancelled() {
        super("Stopped while starting");
    }
}

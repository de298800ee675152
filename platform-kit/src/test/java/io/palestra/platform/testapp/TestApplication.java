package io.palestra.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny service built on platform-kit, to test the kit as a service uses it. */
@SpringBootApplication
public class TestApplication {
}

package io.palestra.local.platform;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OutputTest {

    private final List<String> printed = new ArrayList<>();

    @Test
    void prefixesEveryLineWithTheProcessNameAtAFixedWidth() {
        Consumer<String> members = new Output(printed::add, false).child("members", new RecentLines());
        Consumer<String> subscriptions = new Output(printed::add, false).child("subscriptions", new RecentLines());

        members.accept("Started MembersApplication");
        subscriptions.accept("Started SubscriptionApplication");

        assertThat(printed).containsExactly(
                "[members      ] Started MembersApplication",
                "[subscriptions] Started SubscriptionApplication");
    }

    @Test
    void prefixesTheLaunchersOwnLines() {
        new Output(printed::add, false).say("PostgreSQL ready");

        assertThat(printed).containsExactly("[palestra     ] PostgreSQL ready");
    }

    @Test
    void colorsThePrefixOnlyForATerminal() {
        new Output(printed::add, true).child("billing", new RecentLines()).accept("up");
        new Output(printed::add, false).child("billing", new RecentLines()).accept("up");

        assertThat(printed.get(0)).isEqualTo("\u001B[32m[billing      ] \u001B[0mup");
        assertThat(printed.get(1)).isEqualTo("[billing      ] up");
    }

    @Test
    void cutsANameLongerThanThePrefix() {
        new Output(printed::add, false).child("a-rather-long-process", new RecentLines()).accept("x");

        assertThat(printed).containsExactly("[a-rather-long] x");
    }

    @Test
    void printsBannerLinesAsTheyAre() {
        new Output(printed::add, true).raw("curl -s localhost:8080");

        assertThat(printed).containsExactly("curl -s localhost:8080");
    }

    @Test
    void remembersTheLastFortyLinesOfAProcessWithoutItsPrefix() {
        RecentLines recent = new RecentLines();
        Consumer<String> kafka = new Output(printed::add, false).child("kafka", recent);

        IntStream.rangeClosed(1, 45).forEach(i -> kafka.accept("line " + i));

        assertThat(recent.snapshot()).hasSize(40).startsWith("line 6").endsWith("line 45");
    }
}

package io.palestra.members.member;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The member directory reads events of one aggregate into rows of another (a merge re-points the duplicate's notes,
 * a relation shows on both members, a household lists its people), so it must see events in the order they were
 * stored: one segment. Split into segments, a replay could re-point a duplicate's notes before they were written.
 * One segment keeps up with bulk imports here (docs/performance.md).
 */
@Configuration(proxyBeanMethods = false)
class MemberDirectoryProcessing {

    @Bean
    ConfigurerModule memberDirectoryInOneSegment() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration(MemberDirectory.GROUP,
                        (configuration, builder) -> builder.initialSegmentCount(1)));
    }
}

package io.palestra.platform.personal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of a stored event (or any record Axon serializes) as personal data of the record's
 * {@link DataSubject}. It is stored encrypted with a key of that person's own; when the person is erased the key is
 * destroyed, and the field reads back as {@code null} from then on, in every copy of the event store.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface PersonalData {
}

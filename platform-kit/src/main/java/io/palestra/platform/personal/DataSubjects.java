package io.palestra.platform.personal;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the {@link DataSubject} of a record that carries personal data. */
final class DataSubjects {

    private static final Map<Class<?>, Field> SUBJECT_FIELDS = new ConcurrentHashMap<>();

    private DataSubjects() {
    }

    static UUID of(Object owner) {
        if (owner == null) {
            throw new IllegalStateException("Personal data can only be stored inside a record with a @DataSubject");
        }
        Field field = SUBJECT_FIELDS.computeIfAbsent(owner.getClass(), DataSubjects::subjectField);
        try {
            Object subject = field.get(owner);
            if (!(subject instanceof UUID id)) {
                throw new IllegalStateException("The @DataSubject of " + owner.getClass().getName() + " is null");
            }
            return id;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field subjectField(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (field.isAnnotationPresent(DataSubject.class) && field.getType() == UUID.class) {
                    field.setAccessible(true);
                    return field;
                }
            }
        }
        throw new IllegalStateException(type.getName() + " has @PersonalData but no @DataSubject UUID field");
    }
}

package io.palestra.members.member;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.palestra.platform.errors.InvalidInputException.InvalidField;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail and phone as staff type them, checked and put in one canonical form: e-mail trimmed with a lower-case
 * domain, phone in E.164 ({@code +33612345678}) read in the member's country, else the organisation's.
 */
public final class ContactDetails {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ContactDetails() {
    }

    /** The canonical e-mail, or the problem with it. */
    public static Result email(String raw) {
        if (raw == null || raw.isBlank()) {
            return Result.none();
        }
        String email = raw.strip();
        int at = email.lastIndexOf('@');
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return Result.problem(new InvalidField("email", "must be an e-mail address such as name@example.org"));
        }
        return Result.of(email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT));
    }

    /** The phone in E.164, or the problem with it; {@code region} is an ISO 3166 code used for national numbers. */
    public static Result phone(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            return Result.none();
        }
        try {
            PhoneNumber number = PHONES.parse(raw.strip(), region == null ? "ZZ" : region);
            if (!PHONES.isValidNumber(number)) {
                return Result.problem(new InvalidField("phone", "is not a valid phone number"));
            }
            return Result.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Result.problem(new InvalidField("phone",
                    "is not a phone number we can read; use the international form such as +33 6 12 34 56 78"));
        }
    }

    /** Either a canonical value (possibly absent) or a field problem. */
    public record Result(Optional<String> value, Optional<InvalidField> problem) {

        static Result none() {
            return new Result(Optional.empty(), Optional.empty());
        }

        static Result of(String value) {
            return new Result(Optional.of(value), Optional.empty());
        }

        static Result problem(InvalidField field) {
            return new Result(Optional.empty(), Optional.of(field));
        }
    }
}

package io.palestra.members.member;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Accent- and case-insensitive words for member search: "Hélène Lefèvre-Dupont" is found by "helene", "LEFEVRE" or
 * "dupont"; a phone by its international or national digits; an e-mail by its beginning.
 */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-'’.]+");
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

    private SearchText() {
    }

    /** Lower case, without accents; empty for an erased (null) text. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT).strip();
    }

    /**
     * The words a member is found by, joined with a leading and separating space so that {@code LIKE '% word%'}
     * is a prefix match on any of them.
     */
    static String of(String firstName, String lastName, String email, String phone, String memberCode) {
        Set<String> words = new LinkedHashSet<>();
        for (String name : new String[]{lastName, firstName}) {
            String folded = fold(name);
            words.add(folded.replace(' ', '-'));
            words.addAll(Arrays.asList(SEPARATORS.split(folded)));
        }
        if (email != null) {
            words.add(fold(email));
        }
        if (phone != null) {
            String digits = NOT_DIGIT.matcher(phone).replaceAll("");
            words.add(digits);
            words.add(nationalDigits(digits));
        }
        words.add(memberCode);
        words.remove("");
        return " " + String.join(" ", words);
    }

    /**
     * The terms of a search box entry. A member matches when, for every term, one of its alternatives begins one of
     * the member's words (a number typed with its national 0 also matches without it).
     */
    static List<List<String>> terms(String query) {
        return Arrays.stream(fold(query).split("\\s+"))
                .filter(term -> !term.isEmpty())
                .distinct()
                .map(SearchText::alternatives)
                .collect(Collectors.toList());
    }

    /** The sort key of the member list: last name, then first name, folded. */
    static String sortKey(String firstName, String lastName) {
        return fold(lastName) + " " + fold(firstName);
    }

    private static List<String> alternatives(String term) {
        boolean phoneLike = term.matches("[+\\d().-]+") && NOT_DIGIT.matcher(term).replaceAll("").length() >= 2;
        if (!phoneLike) {
            return List.of(term);
        }
        String digits = NOT_DIGIT.matcher(term).replaceAll("");
        boolean nationalTrunkPrefix = digits.matches("0[1-9].*");
        return nationalTrunkPrefix ? List.of(digits, digits.substring(1)) : List.of(digits);
    }

    /** The national significant digits of an E.164 number, e.g. 612345678 for +33612345678. */
    private static String nationalDigits(String e164Digits) {
        try {
            PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
            return phones.getNationalSignificantNumber(phones.parse("+" + e164Digits, "ZZ"));
        } catch (NumberParseException e) {
            return e164Digits;
        }
    }
}

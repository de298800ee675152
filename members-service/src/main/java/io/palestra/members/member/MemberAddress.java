package io.palestra.members.member;

/**
 * A postal address of a member. {@code label} says what it is for ({@code home}, {@code work}, {@code billing}...);
 * {@code country} is an ISO 3166-1 alpha-2 code.
 */
public record MemberAddress(String label, String line1, String line2, String postalCode, String city, String region,
                            String country) {
}

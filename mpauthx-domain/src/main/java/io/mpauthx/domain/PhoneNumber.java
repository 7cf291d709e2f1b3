package io.mpauthx.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A user's phone number as WeChat's phone-number button gives it. Personal data: {@link #toString()} shows none of
 * it, so a user printed into a log line leaks no number.
 *
 * @param phoneNumber the number with its country prefix as WeChat formats it, e.g. {@code +8613800138000}
 * @param purePhoneNumber the number without country prefix, e.g. {@code 13800138000}
 * @param countryCode the country calling code without plus, e.g. {@code 86}
 */
public record PhoneNumber(String phoneNumber, String purePhoneNumber, String countryCode) {

    /** The longest text any part may have: WeChat's numbers are far shorter; more is not a phone number. */
    public static final int LONGEST_PART = 32;

    /**
     * Checks every part: not blank, at most {@link #LONGEST_PART} characters, printable ASCII only.
     *
     * @throws IllegalArgumentException when a part is not such text (the message names the part, not its value)
     */
    public PhoneNumber {
        requireDialable(phoneNumber, "phoneNumber");
        requireDialable(purePhoneNumber, "purePhoneNumber");
        requireDialable(countryCode, "countryCode");
    }

    /**
     * The number a stored row holds in its nullable phone columns, for the user repositories: none when any column
     * is null (the user never shared one), or when another program wrote something that is no such number.
     *
     * @param phoneNumber the stored number with prefix, or null
     * @param purePhoneNumber the stored number without prefix, or null
     * @param countryCode the stored country code, or null
     * @return the number, or empty
     */
    public static Optional<PhoneNumber> fromStoredColumns(String phoneNumber, String purePhoneNumber,
                                                          String countryCode) {
        if (phoneNumber == null || purePhoneNumber == null || countryCode == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PhoneNumber(phoneNumber, purePhoneNumber, countryCode));
        } catch (IllegalArgumentException notAPhoneNumber) {
            return Optional.empty();
        }
    }

    private static void requireDialable(String part, String name) {
        Objects.requireNonNull(part, name);
        if (part.isBlank() || part.length() > LONGEST_PART || !part.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(name + " is not 1-" + LONGEST_PART + " printable ASCII characters");
        }
    }

    @Override
    public String toString() {
        return "PhoneNumber[<redacted>]";
    }
}

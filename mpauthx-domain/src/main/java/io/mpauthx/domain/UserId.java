package io.mpauthx.domain;

import java.util.Optional;

/**
 * Who a user is: the unionId when WeChat gives one, else the openId (the original calls both "openId"), in
 * {@code [A-Za-z0-9_-]{1,128}}. Checked once where it is made. A value: equal when its text is equal; its text is
 * no secret, so {@link #toString()} shows it.
 */
public final class UserId extends CheckedText implements Comparable<UserId> {

    private UserId(String value) {
        super(value);
    }

    /**
     * @param value a user id the caller knows to be well-formed (a programming error otherwise)
     * @return the id
     * @throws IllegalArgumentException when the text is not 1–128 characters of {@code [A-Za-z0-9_-]}
     */
    public static UserId of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("a user id is 1-128 characters of "
                + "[A-Za-z0-9_-]"));
    }

    /**
     * @param value anything, null included
     * @return the id, or empty when the text is not a well-formed user id
     */
    public static Optional<UserId> parse(String value) {
        return Identifiers.isValidUserId(value) ? Optional.of(new UserId(value)) : Optional.empty();
    }

    /** For text the token parser has already checked, character by character. */
    static UserId ofChecked(String value) {
        return new UserId(value);
    }

    /** Ids order by their text, as the user stores list them. */
    @Override
    public int compareTo(UserId other) {
        return value().compareTo(other.value());
    }
}

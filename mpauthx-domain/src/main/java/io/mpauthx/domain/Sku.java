package io.mpauthx.domain;

import java.util.Optional;

/**
 * The project namespace of tokens: one backend (one Mini Program, or one product of it), in
 * {@code [A-Za-z0-9_-]{1,64}}. Checked once where it is made. A value: equal when its text is equal; its text is
 * no secret, so {@link #toString()} shows it.
 */
public final class Sku extends CheckedText {

    private Sku(String value) {
        super(value);
    }

    /**
     * @param value a sku the caller knows to be well-formed (a programming error otherwise)
     * @return the sku
     * @throws IllegalArgumentException when the text is not 1–64 characters of {@code [A-Za-z0-9_-]}
     */
    public static Sku of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("a sku is 1-64 characters of "
                + "[A-Za-z0-9_-]"));
    }

    /**
     * @param value anything, null included
     * @return the sku, or empty when the text is not a well-formed sku
     */
    public static Optional<Sku> parse(String value) {
        return Identifiers.isValidSku(value) ? Optional.of(new Sku(value)) : Optional.empty();
    }

    /** For text the token parser has already checked, character by character. */
    static Sku ofChecked(String value) {
        return new Sku(value);
    }
}

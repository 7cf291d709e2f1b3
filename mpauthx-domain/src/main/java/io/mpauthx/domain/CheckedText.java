package io.mpauthx.domain;

/**
 * Text that was checked once, where it was made, and is a value from then on: equal to text of the same kind that
 * reads the same. The identities of the domain ({@link UserId}, {@link Sku}, {@link TokenId}, {@link DeviceLabel})
 * are such text; none is a secret, so {@link #toString()} shows it.
 */
abstract class CheckedText {

    private final String value;

    CheckedText(String value) {
        this.value = value;
    }

    /** @return the text */
    public String value() {
        return value;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && value.equals(((CheckedText) other).value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    @Override
    public final String toString() {
        return value;
    }
}

package io.mpauthx.domain;

import java.nio.charset.StandardCharsets;

/**
 * What a user calls a device they logged in on ("iPhone 15", "办公室电脑"), given at login and shown by
 * {@code activeTokens}, so that "log out my other device" can name it. Printable text of at most
 * {@link #MAX_UTF8_BYTES} bytes in UTF-8 (48 ASCII characters, 16 Chinese ones): short enough that a token with
 * its label still fits Redis's compact encoding of the user's key. Not a secret.
 */
public final class DeviceLabel extends CheckedText {

    /** The longest label, in bytes of UTF-8. */
    public static final int MAX_UTF8_BYTES = 48;

    private DeviceLabel(String value) {
        super(value);
    }

    /**
     * @param label what the user calls the device
     * @return the label
     * @throws MpAuthXException 6001 when the label is null, blank, longer than 48 bytes of UTF-8, or holds a
     *     control character or half of a surrogate pair
     */
    public static DeviceLabel of(String label) {
        if (label == null || label.isBlank()) {
            throw refused("is missing or blank");
        }
        if (label.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw refused("is longer than " + MAX_UTF8_BYTES + " bytes of UTF-8");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isISOControl(c)) {
                throw refused("holds a control character");
            }
            if (Character.isSurrogate(c) && !isPairAt(label, i)) {
                throw refused("holds half of a surrogate pair, which is no text");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return new DeviceLabel(label);
    }

    private static boolean isPairAt(String text, int index) {
        return Character.isHighSurrogate(text.charAt(index)) && index + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(index + 1));
    }

    private static MpAuthXException refused(String why) {
        return new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "the device label " + why);
    }

    /** @return the label in UTF-8, as stores keep it */
    public byte[] utf8() {
        return value().getBytes(StandardCharsets.UTF_8);
    }
}

package io.mpauthx.domain.service;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The rules for what the fill-in widgets send. The text is the user's own and reaches other users' screens, so
 * characters that break lines, hide themselves or reverse the text around them are refused, not cleaned.
 */
final class ProfileFillIn {

    /** WeChat's nickname widget allows far fewer; this bounds what a forged request can store. */
    static final int LONGEST_NICKNAME = 64;
    static final int LONGEST_AVATAR_URL = 1024;

    private ProfileFillIn() {
    }

    static void checkNickName(String nickName) {
        KnownUsers.requireText(nickName, "nickName");
        int length = nickName.codePointCount(0, nickName.length());
        if (length > LONGEST_NICKNAME) {
            throw refused("nickName is " + length + " characters long; at most " + LONGEST_NICKNAME + " are stored");
        }
        if (!nickName.strip().equals(nickName)) {
            throw refused("nickName starts or ends with white space");
        }
        for (int i = 0; i < nickName.length(); i++) {
            char c = nickName.charAt(i);
            if (Character.isSurrogate(c) && !isPaired(nickName, i)) {
                throw refused("nickName holds an unpaired UTF-16 surrogate");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            } else if (isHostile(c)) {
                throw refused(String.format(Locale.ROOT, "nickName holds the character U+%04X, which is a control, "
                        + "line-separating or direction-overriding character", (int) c));
            }
        }
    }

    private static boolean isPaired(String text, int at) {
        return Character.isHighSurrogate(text.charAt(at)) && at + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(at + 1));
    }

    /** Zero-width joiners and variation selectors stay allowed: emoji nicknames are made of them. */
    private static boolean isHostile(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e'
                || c == '\u200f' || c == '\u061c' || c == '\ufeff' || c == '\u200b';
    }

    static void checkAvatarUrl(String avatarUrl) {
        KnownUsers.requireText(avatarUrl, "avatarUrl");
        if (avatarUrl.length() > LONGEST_AVATAR_URL) {
            throw refused("avatarUrl is longer than " + LONGEST_AVATAR_URL + " characters");
        }
        if (!avatarUrl.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw refused("avatarUrl holds white space, control or non-ASCII characters");
        }
        URI uri;
        try {
            uri = new URI(avatarUrl);
        } catch (URISyntaxException notUri) {
            throw refused("avatarUrl is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refused("avatarUrl must be an https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("avatarUrl must not carry a user name or password");
        }
    }

    private static MpAuthXException refused(String why) {
        return new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, why);
    }
}

package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What PostgreSQL's {@code text} can hold exactly. It cannot hold U+0000 at all (the server refuses it), and the
 * driver sends text as UTF-8, in which an unpaired UTF-16 surrogate does not exist (it would arrive as {@code ?}).
 * Such text is refused before it is sent, never stored changed; no stored user can have such an id either.
 */
final class StorableText {

    private static final Logger LOG = LoggerFactory.getLogger(StorableText.class);

    private StorableText() {
    }

    /**
     * @param what what the texts are, for the message; never the texts themselves
     * @param texts the texts to store
     * @throws MpAuthXException 6000 saying why, when one of them cannot be stored exactly
     */
    static void require(String what, String... texts) {
        for (String text : texts) {
            Optional<String> unstorable = whyNot(text);
            if (unstorable.isPresent()) {
                LOG.warn("refused to store {} holding {}", what, unstorable.get());
                throw new MpAuthXException(StatusCode.DATABASE_RELATED_ERROR, what + " holds " + unstorable.get()
                        + ", which PostgreSQL text cannot store exactly; refused rather than stored changed");
            }
        }
    }

    private static Optional<String> whyNot(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("a NUL character (U+0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("an unpaired UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }
}

package io.mpauthx.domain.testing;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.SplittableRandom;

/**
 * QuickTheories string generators the properties share. Lengths are drawn first, so a failing example shrinks
 * towards the shortest string, and each character is drawn on its own, so it shrinks towards the first of the
 * alphabet.
 */
public final class GeneratedStrings {

    private GeneratedStrings() {
    }

    /**
     * @param alphabet the characters to draw from
     * @param minLength the shortest length
     * @param maxLength the longest length
     * @return strings of those characters
     */
    public static Gen<String> from(String alphabet, int minLength, int maxLength) {
        Gen<Integer> position = Generate.range(0, alphabet.length() - 1);
        return stringsOf(Generate.range(minLength, maxLength), random -> alphabet.charAt(position.generate(random)));
    }

    /**
     * @param maxLength the longest length
     * @return any UTF-16 text: every char value, lone surrogates, NUL and other controls included
     */
    public static Gen<String> anyUtf16(int maxLength) {
        Gen<Integer> codeUnit = Generate.range(Character.MIN_VALUE, Character.MAX_VALUE);
        return stringsOf(Generate.range(0, maxLength), random -> (char) codeUnit.generate(random).intValue());
    }

    /**
     * Long strings without a draw per character: the length is drawn (and shrinks), the characters come from a
     * drawn seed, so that a 100 kB example costs what building it costs.
     *
     * @param alphabet the characters to draw from
     * @param minLength the shortest length
     * @param maxLength the longest length
     * @return strings of those characters
     */
    public static Gen<String> longFrom(String alphabet, int minLength, int maxLength) {
        return Generate.range(minLength, maxLength).zip(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE),
                (length, seed) -> new SplittableRandom(seed).ints(length, 0, alphabet.length())
                        .collect(StringBuilder::new, (text, i) -> text.append(alphabet.charAt(i)), StringBuilder::append)
                        .toString());
    }

    private static Gen<String> stringsOf(Gen<Integer> lengths, Gen<Character> characters) {
        return random -> {
            int length = lengths.generate(random);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(characters.generate(random).charValue());
            }
            return text.toString();
        };
    }
}

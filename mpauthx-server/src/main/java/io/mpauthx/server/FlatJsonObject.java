package io.mpauthx.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request body: one JSON object whose values are strings or null, as every route of the service takes. Anything
 * else (a nested object or array, a number where text is expected, bytes that are not UTF-8) is refused with a
 * {@link BadRequest} naming the problem. Nesting is refused at its first bracket, so a body nested 10,000 deep
 * costs one byte of reading, not a stack.
 */
final class FlatJsonObject {

    private final Map<String, Object> members;

    private FlatJsonObject(Map<String, Object> members) {
        this.members = members;
    }

    /**
     * @param body the request body's bytes
     * @return the object
     * @throws BadRequest when the body is not UTF-8 or not one flat JSON object
     */
    static FlatJsonObject parse(ByteBuffer body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(body).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new BadRequest("malformed_json", "the body is not UTF-8 text");
        }
        return new FlatJsonObject(new Reader(text).object());
    }

    /**
     * @param name a member's name
     * @return its text, empty when absent or null
     * @throws BadRequest when the member is present with a value that is not text
     */
    Optional<String> text(String name) {
        Object value = members.get(name);
        if (value == null || value == Reader.NULL) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        throw new BadRequest("wrong_type", "\"" + name + "\" must be a string");
    }

    /**
     * @param name a member's name
     * @return its text
     * @throws BadRequest when the member is absent, null, blank or not text
     */
    String requiredText(String name) {
        return text(name).filter(text -> !text.isBlank())
                .orElseThrow(() -> new BadRequest("missing_field", "\"" + name + "\" is required"));
    }

    /** A recursive-descent reader of exactly one level: strings, and numbers, booleans and null kept as markers. */
    private static final class Reader {

        static final Object NULL = new Object();
        private static final Object OTHER = new Object();

        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        Map<String, Object> object() {
            skipSpace();
            expect('{', "the body must be a JSON object");
            Map<String, Object> members = new LinkedHashMap<>();
            skipSpace();
            if (peek() == '}') {
                at++;
                return end(members);
            }
            while (true) {
                skipSpace();
                String name = string();
                skipSpace();
                expect(':', "a member's name must be followed by ':'");
                skipSpace();
                members.put(name, value());
                skipSpace();
                char next = next("the object is not closed");
                if (next == '}') {
                    return end(members);
                }
                if (next != ',') {
                    throw malformed("members must be separated by ','");
                }
            }
        }

        private Map<String, Object> end(Map<String, Object> members) {
            skipSpace();
            if (at != text.length()) {
                throw malformed("nothing may follow the object");
            }
            return members;
        }

        private Object value() {
            char first = peek();
            if (first == '"') {
                return string();
            }
            if (first == '{' || first == '[') {
                throw new BadRequest("wrong_type", "values must be strings; nested objects and arrays are refused");
            }
            int start = at;
            while (at < text.length() && "-+.0123456789eEtruefalsn".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String literal = text.substring(start, at);
            if (literal.equals("null")) {
                return NULL;
            }
            if (literal.equals("true") || literal.equals("false") || literal.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                return OTHER;
            }
            throw malformed("a value is not JSON");
        }

        private String string() {
            expect('"', "a string was expected");
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next("a string is not closed");
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw malformed("control characters must be escaped in strings");
                }
                out.append(c == '\\' ? escaped() : c);
            }
        }

        private char escaped() {
            char c = next("a string is not closed");
            return switch (c) {
                case '"', '\\', '/' -> c;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> unicodeEscape();
                default -> throw malformed("unknown escape in a string");
            };
        }

        private char unicodeEscape() {
            if (at + 4 > text.length()) {
                throw malformed("a \\u escape needs four hex digits");
            }
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(at++), 16);
                if (digit < 0) {
                    throw malformed("a \\u escape needs four hex digits");
                }
                value = value * 16 + digit;
            }
            return (char) value;
        }

        private void skipSpace() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw malformed("the body ends too early");
            }
            return text.charAt(at);
        }

        private char next(String problem) {
            if (at >= text.length()) {
                throw malformed(problem);
            }
            return text.charAt(at++);
        }

        private void expect(char wanted, String problem) {
            if (at >= text.length() || text.charAt(at) != wanted) {
                throw malformed(problem);
            }
            at++;
        }

        private static BadRequest malformed(String problem) {
            return new BadRequest("malformed_json", "malformed JSON: " + problem);
        }
    }
}

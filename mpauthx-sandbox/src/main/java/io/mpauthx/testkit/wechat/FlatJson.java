package io.mpauthx.testkit.wechat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the flat JSON objects clients send to WeChat's server APIs ({@code {"code":"…","force_refresh":false}}):
 * string, number, boolean and null members, no nesting. Hand-written so the sandbox needs no JSON library.
 */
final class FlatJson {

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /**
     * @param text a request body
     * @return each member's value as text (strings unescaped, others as written), or empty if the body is no
     *     flat JSON object
     */
    static Optional<Map<String, String>> parse(String text) {
        try {
            return Optional.of(new FlatJson(text.strip()).object());
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    private Map<String, String> object() {
        Map<String, String> members = new HashMap<>();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            at++;
            return end(members);
        }
        while (true) {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            members.put(name, peek() == '"' ? string() : bareValue());
            skipSpace();
            char next = text.charAt(at++);
            if (next == '}') {
                return end(members);
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
    }

    private Map<String, String> end(Map<String, String> members) {
        if (at != text.length()) {
            throw new IllegalArgumentException("text after the object");
        }
        return members;
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
            if (c == '\\') {
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private String bareValue() {
        int start = at;
        while (at < text.length() && ",} \t\r\n".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String value = text.substring(start, at);
        if (!value.matches("true|false|null|-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("not a flat JSON value");
        }
        return value;
    }

    private void expect(char c) {
        if (text.charAt(at++) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
    }

    private char peek() {
        return text.charAt(at);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}

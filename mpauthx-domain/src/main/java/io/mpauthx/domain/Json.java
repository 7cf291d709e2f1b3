package io.mpauthx.domain;

/**
 * The one bit of JSON written by hand: string escaping, so the domain (and the WeChat sandbox, which writes WeChat's
 * flat answers) need no JSON library. One copy, so every hand-written JSON text escapes alike.
 */
public final class Json {

    private Json() {
    }

    /**
     * @param text any text
     * @return the text as the inside of a JSON string: quotes, backslashes and control characters escaped
     */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}

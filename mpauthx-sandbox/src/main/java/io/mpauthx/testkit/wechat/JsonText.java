package io.mpauthx.testkit.wechat;

import io.mpauthx.domain.Json;

/**
 * Writes the few flat JSON objects WeChat sends. Hand-written (strings escaped by the domain's {@link Json}) so the
 * sandbox needs no JSON library: the WeChat adapter is the only place allowed to depend on Gson.
 */
final class JsonText {

    private final StringBuilder text = new StringBuilder("{");

    static JsonText object() {
        return new JsonText();
    }

    JsonText put(String name, String value) {
        return putRaw(name, quoted(value));
    }

    JsonText put(String name, long value) {
        return putRaw(name, Long.toString(value));
    }

    JsonText put(String name, JsonText value) {
        return putRaw(name, value.toString());
    }

    private JsonText putRaw(String name, String valueText) {
        if (text.length() > 1) {
            text.append(',');
        }
        text.append(quoted(name)).append(':').append(valueText);
        return this;
    }

    private static String quoted(String value) {
        return '"' + Json.escape(value) + '"';
    }

    @Override
    public String toString() {
        return text + "}";
    }
}

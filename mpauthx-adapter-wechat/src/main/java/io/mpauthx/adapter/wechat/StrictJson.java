package io.mpauthx.adapter.wechat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

/**
 * Reads one JSON object strictly. Gson's default parsing is lenient: it would take {@code garbage} for the string
 * "garbage" and an HTML page's first word for a value, and so turn a broken answer into a confusing one.
 */
final class StrictJson {

    private StrictJson() {
    }

    /**
     * @param text the whole document
     * @return the object, or empty if the text is not exactly one strict JSON object
     */
    static Optional<JsonObject> parseObject(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (!element.isJsonObject() || reader.peek() != JsonToken.END_DOCUMENT) {
                return Optional.empty();
            }
            return Optional.of(element.getAsJsonObject());
        } catch (JsonParseException | IOException | IllegalStateException notJson) {
            return Optional.empty();
        }
    }

    /**
     * @return the member if it is a JSON string; empty if absent or null
     * @throws WrongTypeException if present with another type
     */
    static Optional<String> string(JsonObject object, String name) {
        return member(object, name).map(member -> {
            if (member instanceof JsonPrimitive primitive && primitive.isString()) {
                return primitive.getAsString();
            }
            throw new WrongTypeException(name + " is not a string");
        });
    }

    /**
     * @return the member if it is a JSON number without fraction in the int range; empty if absent or null
     * @throws WrongTypeException if present with another type
     */
    static Optional<Integer> integer(JsonObject object, String name) {
        return member(object, name).map(member -> {
            try {
                if (member instanceof JsonPrimitive primitive && primitive.isNumber()) {
                    return primitive.getAsBigDecimal().intValueExact();
                }
            } catch (ArithmeticException | NumberFormatException notAnInt) {
                // reported below with the other wrong types
            }
            throw new WrongTypeException(name + " is not an integer");
        });
    }

    /**
     * @return the member if it is a JSON object; empty if absent or null
     * @throws WrongTypeException if present with another type
     */
    static Optional<JsonObject> object(JsonObject object, String name) {
        return member(object, name).map(member -> {
            if (member.isJsonObject()) {
                return member.getAsJsonObject();
            }
            throw new WrongTypeException(name + " is not an object");
        });
    }

    private static Optional<JsonElement> member(JsonObject object, String name) {
        JsonElement member = object.get(name);
        return member == null || member.isJsonNull() ? Optional.empty() : Optional.of(member);
    }

    /** A member is present with a type other than the one expected; the message names the member. */
    static final class WrongTypeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        WrongTypeException(String message) {
            super(message);
        }
    }
}

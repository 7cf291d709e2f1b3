package io.mpauthx.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The service's OpenAPI document as a test oracle: every answer a test receives is checked against the operation,
 * status and schema the document gives for it, and the operations and statuses seen are remembered, so a test
 * can prove the document describes the answers actually sent. Knows the JSON Schema the document uses: type (one or
 * several), const, required, properties, additionalProperties false, items, oneOf and local $ref.
 */
final class OpenApiContract {

    private final JsonObject document;
    private final Set<String> seen = new TreeSet<>();

    private OpenApiContract(JsonObject document) {
        this.document = document;
    }

    static OpenApiContract packaged() {
        try (InputStream in = MpAuthXServer.class.getResourceAsStream("openapi.json")) {
            return new OpenApiContract(JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    JsonObject document() {
        return document;
    }

    /** @return "METHOD template STATUS" of every documented answer */
    Set<String> documentedAnswers() {
        Set<String> answers = new TreeSet<>();
        document.getAsJsonObject("paths").entrySet().forEach(path -> path.getValue().getAsJsonObject().entrySet()
                .stream().filter(operation -> !operation.getKey().equals("parameters"))
                .forEach(operation -> operation.getValue().getAsJsonObject().getAsJsonObject("responses").keySet()
                        .forEach(status -> answers.add(operation.getKey().toUpperCase(Locale.ROOT) + " "
                                + path.getKey() + " " + status))));
        return answers;
    }

    Set<String> seenAnswers() {
        return seen;
    }

    /**
     * @param method the request's method
     * @param template the documented path, e.g. {@code /v1/apps/{sku}/login}
     * @param answer what the service sent
     * @return the answer, for chaining
     */
    Answer check(String method, String template, Answer answer) {
        JsonObject path = document.getAsJsonObject("paths").getAsJsonObject(template);
        assertThat(path).as("documented path %s", template).isNotNull();
        JsonObject operation = path.getAsJsonObject(method.toLowerCase(Locale.ROOT));
        assertThat(operation).as("documented operation %s %s", method, template).isNotNull();
        JsonObject response = operation.getAsJsonObject("responses").getAsJsonObject(Integer.toString(answer.status()));
        assertThat(response).as("%s %s documents status %s (body %s)", method, template, answer.status(),
                answer.body()).isNotNull();
        seen.add(method + " " + template + " " + answer.status());
        if (!response.has("content")) {
            assertThat(answer.body()).as("%s %s %s has no body", method, template, answer.status()).isEmpty();
            return answer;
        }
        String mediaType = response.getAsJsonObject("content").keySet().iterator().next();
        assertThat(answer.header("Content-Type")).startsWith(mediaType);
        if (mediaType.equals("application/json")) {
            JsonObject schema = response.getAsJsonObject("content").getAsJsonObject(mediaType).getAsJsonObject("schema");
            validate(schema, JsonParser.parseString(answer.body()), method + " " + template + " " + answer.status());
        }
        return answer;
    }

    private void validate(JsonObject schema, JsonElement value, String where) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").getAsString().substring("#/components/schemas/".length());
            validate(document.getAsJsonObject("components").getAsJsonObject("schemas").getAsJsonObject(name), value,
                    where);
            return;
        }
        if (schema.has("oneOf")) {
            validateOneOf(schema.getAsJsonArray("oneOf"), value, where);
            return;
        }
        if (schema.has("type")) {
            JsonElement type = schema.get("type");
            Set<String> types = new TreeSet<>();
            if (type.isJsonArray()) {
                type.getAsJsonArray().forEach(one -> types.add(one.getAsString()));
            } else {
                types.add(type.getAsString());
            }
            assertThat(types).as("%s: type of %s", where, value).contains(typeOf(value));
        }
        if (schema.has("const")) {
            assertThat(value).as("%s: const", where).isEqualTo(schema.get("const"));
        }
        if (value.isJsonObject()) {
            validateObject(schema, value.getAsJsonObject(), where);
        }
        if (value.isJsonArray() && schema.has("items")) {
            value.getAsJsonArray().forEach(item -> validate(schema.getAsJsonObject("items"), item, where + "[]"));
        }
    }

    private void validateObject(JsonObject schema, JsonObject value, String where) {
        if (schema.has("required")) {
            schema.getAsJsonArray("required").forEach(name -> assertThat(value.has(name.getAsString()))
                    .as("%s: required member %s in %s", where, name, value).isTrue());
        }
        JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
        for (var member : value.entrySet()) {
            if (properties.has(member.getKey())) {
                validate(properties.getAsJsonObject(member.getKey()), member.getValue(), where + "." + member.getKey());
            } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").getAsBoolean()) {
                fail("%s: undocumented member %s", where, member.getKey());
            }
        }
    }

    private void validateOneOf(JsonArray choices, JsonElement value, String where) {
        for (JsonElement choice : choices) {
            try {
                validate(choice.getAsJsonObject(), value, where);
                return;
            } catch (AssertionError notThisOne) {
                // the next choice may fit
            }
        }
        fail("%s: %s fits none of %s", where, value, choices);
    }

    private static String typeOf(JsonElement value) {
        if (value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonObject()) {
            return "object";
        }
        if (value.isJsonArray()) {
            return "array";
        }
        var primitive = value.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return "boolean";
        }
        if (primitive.isString()) {
            return "string";
        }
        return primitive.getAsBigDecimal().stripTrailingZeros().scale() <= 0 ? "integer" : "number";
    }
}

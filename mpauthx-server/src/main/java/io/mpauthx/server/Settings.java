package io.mpauthx.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Named text settings (the environment, or a properties file) read with every problem collected, so one start
 * names all of them. Problems name the setting, never its value: a value may be a secret in the wrong place.
 */
final class Settings {

    private final Map<String, String> values;
    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    Settings(Map<String, String> values, Map<String, String> environment) {
        this.values = values;
        this.environment = environment;
    }

    static Settings ofEnvironment(Map<String, String> environment) {
        return new Settings(environment, environment);
    }

    Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    void ifPresent(String name, Consumer<String> setter) {
        get(name).ifPresent(setter);
    }

    String required(String name) {
        return get(name).orElseGet(() -> {
            problems.add(name + " is required");
            return "";
        });
    }

    int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            problems.add(name + " must be a whole number");
            return -1;
        }
    }

    Optional<Boolean> flag(String name) {
        Optional<String> value = get(name);
        if (value.isPresent() && !value.get().equals("true") && !value.get().equals("false")) {
            problems.add(name + " must be true or false");
            return Optional.empty();
        }
        return value.map(Boolean::parseBoolean);
    }

    /**
     * @param listName the setting holding the keys, for the problem's text
     * @param list the keys, separated by commas
     * @param fileName a setting naming a file of keys, one a line
     * @return the keys from both; a problem when there is none
     */
    List<String> keys(String listName, Optional<String> list, String fileName) {
        List<String> keys = new ArrayList<>();
        list.ifPresent(text -> Arrays.stream(text.split(",")).map(String::strip)
                .filter(key -> !key.isEmpty()).forEach(keys::add));
        get(fileName).flatMap(file -> readFile(fileName, file)).ifPresent(text -> text.lines().map(String::strip)
                .filter(key -> !key.isEmpty() && !key.startsWith("#")).forEach(keys::add));
        if (keys.isEmpty()) {
            problems.add(listName + " or " + fileName + " must give at least one service key");
        }
        return keys;
    }

    /**
     * A secret named by {@code <prefix>.env} (an environment variable) or {@code <prefix>.file} (a file's text).
     *
     * @param prefix the setting's name without the suffix
     * @param required whether its absence is a problem
     * @return the secret, or empty
     */
    Optional<String> secret(String prefix, boolean required) {
        if (get(prefix).isPresent()) {
            problems.add(prefix + " must not hold a secret: use " + prefix + ".env or " + prefix + ".file");
        }
        Optional<String> fromEnvironment = get(prefix + ".env").map(variable -> {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) {
                problems.add(prefix + ".env names the variable " + variable + ", which is not set");
                return "";
            }
            return value.strip();
        });
        Optional<String> secret = fromEnvironment.or(() -> get(prefix + ".file")
                .flatMap(file -> readFile(prefix + ".file", file)).map(String::strip));
        if (secret.isEmpty() && required) {
            problems.add(prefix + ".env or " + prefix + ".file is required");
        }
        return secret;
    }

    private Optional<String> readFile(String name, String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException unreadable) {
            problems.add(name + " names a file that cannot be read: " + file);
            return Optional.empty();
        }
    }

    void problem(String problem) {
        problems.add(problem);
    }

    /**
     * @param server the server settings collected
     * @return them built, when no problem was found
     * @throws io.mpauthx.domain.MpAuthXException 6001 naming every problem
     */
    ServerSettings checked(ServerSettings.Builder server) {
        if (!problems.isEmpty()) {
            throw ServeConfiguration.invalid("invalid mpauthx serve configuration: " + String.join("; ", problems));
        }
        return server.build();
    }
}

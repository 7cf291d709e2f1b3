package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original built SQL from strings and looked users up with {@code LIKE}, so {@code _} and {@code %} matched
 * other users. Here every value is bound: it comes back byte-exact and matches only itself.
 */
class SqliteHostileInputIT extends FreshDatabaseFile {

    @BeforeEach
    void registerInnocentUsers() {
        users.registerIfAbsent("innocentA");
        users.registerIfAbsent("innocent_");
    }

    static Stream<String> hostile() {
        return Stream.of("'", "\"", "' OR '1'='1", "'); DROP TABLE user; --", "%", "_", "innocent%", "innocent_",
                "innocen_A", "a\u0000b", "\u0000", "\uD83D\uDE00\uD83D\uDC4D", "\u5FAE\u4FE1", "x".repeat(10_240),
                "\\", "|", ".", "%00", "\r\n\t");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileProfileTextComesBackByteExact(String text) {
        UserProfile stored = new UserProfile(text, 2, text, text, text, text, text);

        users.saveProfile("oHostile", stored);

        assertThat(users.find("oHostile").orElseThrow().profile()).contains(stored);
        assertThat(users.find("innocentA").orElseThrow().profile()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileIdMatchesOnlyItself(String id) {
        users.saveProfile(id, new UserProfile("hostile", 1, "", "", "", "", ""));

        assertThat(users.find(id).map(User::id)).contains(id);
        assertThat(users.list(0, 10)).filteredOn(user -> user.profile().isPresent())
                .extracting(User::id).containsExactly(id);
        assertThat(users.list(0, 10)).extracting(User::id).contains("innocentA", "innocent_");
    }
}

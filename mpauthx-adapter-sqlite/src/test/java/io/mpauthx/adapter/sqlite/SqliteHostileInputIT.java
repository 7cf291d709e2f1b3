package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original built SQL from strings and looked users up with {@code LIKE}, so {@code _} and {@code %} matched
 * other users. Here every value is bound: it comes back byte-exact and matches only itself.
 */
class SqliteHostileInputIT extends FreshDatabaseFile {

    @BeforeEach
    void registerInnocentUsers() {
        users.registerIfAbsent(UserId.of("innocentA"));
        users.registerIfAbsent(UserId.of("innocent_"));
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

        users.saveProfile(UserId.of("oHostile"), stored);

        assertThat(users.find(UserId.of("oHostile")).orElseThrow().profile()).contains(stored);
        assertThat(users.find(UserId.of("innocentA")).orElseThrow().profile()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void onlyTheTokenAlphabetMakesAUserIdSoHostileTextNeverReachesTheDatabaseAsOne(String text) {
        assertThat(UserId.parse(text).isPresent()).as("a user id is [A-Za-z0-9_-]{1,128}")
                .isEqualTo(text.matches("[A-Za-z0-9_-]{1,128}"));
    }

    /** '_' is SQL LIKE's wildcard: an id holding it must still match only itself. */
    @ParameterizedTest
    @ValueSource(strings = {"_", "innocen_", "innocent__", "_nnocentA", "a-b"})
    void idsWithLikeWildcardsMatchOnlyThemselves(String id) {
        users.saveProfile(UserId.of(id), new UserProfile("hostile", 1, "", "", "", "", ""));

        assertThat(users.find(UserId.of(id)).map(user -> user.id().value())).contains(id);
        assertThat(users.list(0, 10)).filteredOn(user -> user.profile().isPresent())
                .extracting(user -> user.id().value()).containsExactly(id);
        assertThat(users.list(0, 10)).extracting(user -> user.id().value()).contains("innocentA", "innocent_");
    }
}

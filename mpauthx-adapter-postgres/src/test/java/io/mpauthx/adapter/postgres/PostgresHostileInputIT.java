package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.mpauthx.domain.testing.Failures.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original built SQL from strings and looked users up with {@code LIKE}, so {@code _} and {@code %} matched
 * other users. Here every value is bound: it comes back byte-exact and matches only itself. What PostgreSQL text
 * cannot hold (NUL, unpaired surrogates) is refused with 6000 saying so, and nothing is stored in its place.
 */
@ExtendWith(PostgresServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresHostileInputIT {

    /** Quotes, LIKE wildcards (which would match the innocent users as patterns), escapes, dollar quotes, big, wide. */
    private static final List<String> HOSTILE = List.of("'", "\"", "' OR '1'='1", "'); DROP TABLE \"user\"; --",
            "%", "_", "innocent%", "innocent_", "innocen_A", "\\", "\\'", "E'\\x41'", "$$", "$tag$ x $tag$",
            "\uD83D\uDE00\uD83D\uDC4D", "\u5FAE\u4FE1", "x".repeat(10_240), "|", ".", "%00", "\r\n\t",
            "\u00A0\u200B\uFEFF", "\uFFFF");

    private final PlainPostgres database;
    private final UserRepository users;

    PostgresHostileInputIT(LocalPostgres postgres) {
        this.database = PlainPostgres.freshDatabase(postgres);
        this.users = PostgresAdapters.userRepository(database.settings().build());
    }

    @AfterAll
    void closeRepository() {
        users.close();
    }

    @BeforeEach
    void startFromInnocentUsersOnly() throws SQLException {
        database.execute("DELETE FROM \"user\"");
        users.registerIfAbsent(UserId.of("innocentA"));
        users.registerIfAbsent(UserId.of("innocentB"));
    }

    static Stream<String> unstorable() {
        return Stream.of("\u0000", "a\u0000b", "\uD800", "a\uDC00b", "\uDBFF\uDBFF", "\uDE00\uD83D");
    }

    /** Ids are [A-Za-z0-9_-]{1,128} by type; '_' is still LIKE's wildcard, so such ids must match only themselves. */
    private static final List<String> WILDCARD_IDS = List.of("_", "innocent_", "innocen_A", "__", "innocent-");

    @Test
    void everyHostileTextComesBackByteExactAndIdsWithWildcardsMatchOnlyThemselves() {
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = HOSTILE.get(i);
            users.saveProfile(UserId.of("oHostile" + i), new UserProfile(text, 2, text, text, text, text, text));
        }
        WILDCARD_IDS.forEach(id -> users.registerIfAbsent(UserId.of(id)));

        SoftAssertions.assertSoftly(softly -> {
            for (int i = 0; i < HOSTILE.size(); i++) {
                String text = HOSTILE.get(i);
                softly.assertThat(users.find(UserId.of("oHostile" + i))).as("user with %s", text)
                        .map(User::profile).contains(Optional.of(new UserProfile(text, 2, text, text, text, text, text)));
            }
            WILDCARD_IDS.forEach(id -> softly.assertThat(users.find(UserId.of(id)).map(user -> user.id().value()))
                    .contains(id));
        });
        assertThat(users.find(UserId.of("innocentA")).orElseThrow().profile()).isEmpty();
        assertThat(users.find(UserId.of("innocentB")).orElseThrow().profile()).isEmpty();
        assertThat(users.list(0, 1_000)).hasSize(HOSTILE.size() + WILDCARD_IDS.size() + 2);
    }

    @ParameterizedTest
    @MethodSource("unstorable")
    void textPostgresCannotHoldIsRefusedAndNothingChanges(String text) throws SQLException {
        users.saveProfile(UserId.of("oKept"), new UserProfile("kept", 1, "", "", "", "", ""));

        MpAuthXException refused = assertFailsWith(StatusCode.DATABASE_RELATED_ERROR,
                () -> users.saveProfile(UserId.of("oKept"), new UserProfile("ok", 1, "", text, "", "", "")));
        assertThat(refused).hasMessageContaining("profile text holds")
                .hasMessageContaining("PostgreSQL text cannot store exactly");
        assertThat(UserId.parse("o" + text)).as("no user id holds such text").isEmpty();

        assertThat(users.find(UserId.of("oKept")).orElseThrow().profile().orElseThrow().nickName()).isEqualTo("kept");
        assertThat(database.number("SELECT count(*) FROM \"user\"")).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("unstorable")
    void nulIsNamedAsSuchAndAnUnpairedSurrogateAsSuch(String text) {
        String expected = text.contains("\u0000") ? "a NUL character (U+0000)" : "an unpaired UTF-16 surrogate";

        MpAuthXException refused = assertFailsWith(StatusCode.DATABASE_RELATED_ERROR,
                () -> users.saveProfile(UserId.of("oNamed"), new UserProfile(text, 0, "", "", "", "", "")));

        assertThat(refused).hasMessageContaining(expected);
    }
}

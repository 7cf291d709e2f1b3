package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.GeneratedStrings;
import io.mpauthx.domain.testing.HostileStrings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.quicktheories.QuickTheory.qt;

/**
 * The repository on a real file under arbitrary ids and profile text: what it accepts comes back byte-exact and
 * matches only itself; what it cannot store exactly it refuses with 6000. Each try is a durable write, so the
 * property runs fewer tries than the pure ones.
 */
class SqliteUserRepositoryPropertiesIT {

    private Path folder;
    private UserRepository users;

    @BeforeEach
    void openRepository() throws IOException {
        folder = Files.createTempDirectory("mpauthx-sqlite-property-");
        users = SqliteAdapters.userRepository(folder.resolve("users.db"));
        users.registerIfAbsent(UserId.of("innocent"));
    }

    @AfterEach
    void closeRepository() throws IOException {
        users.close();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }

    @Test
    void anyIdAndHostileProfileAreStoredByteExactOrRefusedWith6000() {
        qt().withExamples(2_000).forAll(ids(), profiles()).checkAssert((id, profile) -> {
            Optional<User> before = users.find(UserId.of(id));
            MpAuthXException refused = catchThrowableOfType(MpAuthXException.class,
                    () -> users.saveProfile(UserId.of(id), profile));

            if (refused != null) {
                assertThat(refused.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                assertThat(users.find(UserId.of(id))).as("a refused write changes nothing").isEqualTo(before);
            } else {
                Optional<User> stored = users.find(UserId.of(id));
                assertThat(stored.map(user -> user.id().value())).contains(id);
                assertThat(stored.flatMap(User::profile)).contains(profile);
            }
            assertThat(users.find(UserId.of("innocent")).flatMap(User::profile)).isEmpty();
        });
    }

    @Test
    void anyIdIsRegisteredByteExact() {
        qt().withExamples(2_000).forAll(ids()).checkAssert(id -> {
            users.registerIfAbsent(UserId.of(id));

            assertThat(users.find(UserId.of(id)).map(user -> user.id().value())).contains(id);
        });
    }

    /** Every user id a login can make: the alphabet of tokens, LIKE's wildcard '_' included, up to 128 long. */
    private static Gen<String> ids() {
        return GeneratedStrings.from("aZ09_-", 1, 128)
                .assuming(id -> !id.equals("innocent"));
    }

    private static Gen<UserProfile> profiles() {
        return SourceDSL.lists().of(HostileStrings.any()).ofSize(6).zip(SourceDSL.integers().all(),
                (texts, gender) -> new UserProfile(texts.get(0), gender, texts.get(1), texts.get(2), texts.get(3),
                        texts.get(4), texts.get(5)));
    }
}

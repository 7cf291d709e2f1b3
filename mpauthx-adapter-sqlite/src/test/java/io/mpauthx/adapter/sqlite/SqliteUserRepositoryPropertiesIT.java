package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.HostileStrings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The repository on a real file under arbitrary ids and profile text: what it accepts comes back byte-exact and
 * matches only itself; what it cannot store exactly it refuses with 6000. Each try is a durable write, so the
 * property runs fewer tries than the pure ones.
 */
class SqliteUserRepositoryPropertiesIT {

    private Path folder;
    private UserRepository users;

    @BeforeProperty
    void openRepository() throws IOException {
        folder = Files.createTempDirectory("mpauthx-sqlite-property-");
        users = SqliteAdapters.userRepository(folder.resolve("users.db"));
        users.registerIfAbsent("innocent");
    }

    @AfterProperty
    void closeRepository() throws IOException {
        users.close();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }

    @Property(tries = 2_000)
    void anyIdAndProfileAreStoredByteExactOrRefusedWith6000(@ForAll("ids") String id,
                                                           @ForAll("profiles") UserProfile profile) {
        Optional<User> before = users.find(id);
        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, () -> users.saveProfile(id, profile));

        if (refused != null) {
            assertThat(refused.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
            assertThat(users.find(id)).as("a refused write changes nothing").isEqualTo(before);
        } else {
            Optional<User> stored = users.find(id);
            assertThat(stored.map(User::id)).contains(id);
            assertThat(stored.flatMap(User::profile)).contains(profile);
        }
        assertThat(users.find("innocent").flatMap(User::profile)).isEmpty();
    }

    @Property(tries = 2_000)
    void anyIdIsRegisteredByteExactOrRefusedWith6000(@ForAll("ids") String id) {
        MpAuthXException refused = catchThrowableOfType(MpAuthXException.class, () -> users.registerIfAbsent(id));

        if (refused != null) {
            assertThat(refused.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
        } else {
            assertThat(users.find(id).map(User::id)).contains(id);
        }
    }

    @Provide
    Arbitrary<String> ids() {
        return HostileStrings.any().filter(id -> !id.equals("innocent"));
    }

    @Provide
    Arbitrary<UserProfile> profiles() {
        Arbitrary<String> text = HostileStrings.any();
        return Combinators.combine(text, Arbitraries.integers(), text, text, text, text, text)
                .as(UserProfile::new);
    }
}

package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.Concurrently;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application, each with its own pool (as two servers would have), log the same new users in
 * at once: one row per user, every call succeeds, each row holds one whole profile a writer sent, and
 * {@code createdAt} is the first writer's for good.
 */
@ExtendWith(PostgresServerExtension.class)
class PostgresTwoInstancesIT {

    private static final int USERS = 200;
    private static final int THREADS_PER_INSTANCE = 16;
    private static final Instant FIRST_CLOCK = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant SECOND_CLOCK = FIRST_CLOCK.plusSeconds(1);
    private static final Instant LATER = FIRST_CLOCK.plusSeconds(3_600);

    private final PlainPostgres database;

    PostgresTwoInstancesIT(LocalPostgres postgres) {
        this.database = PlainPostgres.freshDatabase(postgres);
    }

    private UserRepository instance(Instant now) {
        return PostgresAdapters.userRepository(database.settings().build(), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Whose profile a row holds shows in every field, so a row mixing two writers' fields would show too. */
    private static UserProfile profileOf(int writer) {
        String name = "writer" + writer;
        return new UserProfile(name, writer % 3, name + "-lang", name + "-city", name + "-province",
                name + "-country", "https://example.com/" + name + ".png");
    }

    private static String userId(int index) {
        return "oShared" + index;
    }

    @Test
    void twoInstancesLoggingInTheSameNewUsersFromSixteenThreadsEachEndWithOneWholeProfilePerUser() throws Exception {
        List<Integer> callsPerThread;
        try (UserRepository first = instance(FIRST_CLOCK); UserRepository second = instance(SECOND_CLOCK)) {
            callsPerThread = Concurrently.run(2 * THREADS_PER_INSTANCE, writer -> {
                UserRepository instance = writer < THREADS_PER_INSTANCE ? first : second;
                for (int i = 0; i < USERS; i++) {
                    String id = userId((i + writer * 7) % USERS); // every writer starts elsewhere, all collide
                    instance.registerIfAbsent(UserId.of(id));
                    instance.saveProfile(UserId.of(id), profileOf(writer));
                }
                return USERS;
            });
        }

        assertThat(callsPerThread).hasSize(2 * THREADS_PER_INSTANCE).containsOnly(USERS);
        assertThat(database.number("SELECT count(*) FROM \"user\"")).isEqualTo(USERS);
        List<UserProfile> written = IntStream.range(0, 2 * THREADS_PER_INSTANCE)
                .mapToObj(PostgresTwoInstancesIT::profileOf).toList();
        try (UserRepository reader = instance(LATER)) {
            List<User> users = reader.list(0, 2 * USERS);
            assertThat(users).hasSize(USERS).allSatisfy(user -> {
                assertThat(user.profile()).get().isIn(written);
                assertThat(user.createdAt()).isIn(FIRST_CLOCK, SECOND_CLOCK);
                assertThat(user.updatedAt()).isEqualTo(SECOND_CLOCK);
            });
        }
    }

    @Test
    void theLastSaveWinsOnEveryInstanceAndCreatedAtStays() throws Exception {
        try (UserRepository first = instance(FIRST_CLOCK); UserRepository second = instance(SECOND_CLOCK)) {
            Concurrently.run(2 * THREADS_PER_INSTANCE, writer -> {
                (writer % 2 == 0 ? first : second).saveProfile(UserId.of(userId(writer % 4)), profileOf(writer));
                return true;
            });
        }
        Map<String, Instant> createdBefore = createdAtById();

        try (UserRepository first = instance(LATER); UserRepository second = instance(LATER.plusSeconds(1))) {
            first.saveProfile(UserId.of(userId(0)), profileOf(100));
            second.saveProfile(UserId.of(userId(0)), profileOf(101));
            second.saveProfile(UserId.of(userId(1)), profileOf(102));
            first.saveProfile(UserId.of(userId(1)), profileOf(103));

            assertThat(second.find(UserId.of(userId(0))).orElseThrow().profile()).contains(profileOf(101));
            assertThat(second.find(UserId.of(userId(1))).orElseThrow().profile()).contains(profileOf(103));
            assertThat(first.find(UserId.of(userId(1))).orElseThrow().updatedAt()).isEqualTo(LATER.plusSeconds(1));
        }
        assertThat(createdAtById()).isEqualTo(createdBefore).hasSize(4);
    }

    private Map<String, Instant> createdAtById() {
        try (UserRepository reader = instance(LATER)) {
            return reader.list(0, 100).stream().collect(Collectors.toMap(user -> user.id().value(), User::createdAt));
        }
    }
}

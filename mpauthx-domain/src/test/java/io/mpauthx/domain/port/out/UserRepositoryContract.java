package io.mpauthx.domain.port.out;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.testing.Concurrently;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link UserRepository} must do. Each implementation's test extends this with a fresh, empty repository. */
public abstract class UserRepositoryContract {

    protected UserRepository users;

    /** @return a new, empty repository */
    protected abstract UserRepository newRepository();

    @BeforeEach
    void openRepository() {
        users = newRepository();
    }

    @AfterEach
    void closeRepository() {
        users.close();
    }

    /**
     * @return true (the default) for a store that keeps U+0000 in text exactly; false for one whose text type cannot
     *     hold it (PostgreSQL's), which must then refuse such text with an {@link MpAuthXException}, never store
     *     something else in its place
     */
    protected boolean storesNulCharacters() {
        return true;
    }

    protected static UserProfile profile(String nickName) {
        return new UserProfile(nickName, 1, "zh_CN", "Guangzhou", "Guangdong", "China", "https://example.com/a.png");
    }

    @Test
    void savedProfileIsFoundAgain() {
        users.saveProfile(UserId.of("oUser1"), profile("Ann"));

        Optional<User> found = users.find(UserId.of("oUser1"));

        assertThat(found).isPresent();
        assertThat(found.get().id().value()).isEqualTo("oUser1");
        assertThat(found.get().profile()).contains(profile("Ann"));
        assertThat(users.exists(UserId.of("oUser1"))).isTrue();
    }

    protected static final PhoneNumber PHONE = new PhoneNumber("+8613800138000", "13800138000", "86");

    @Test
    void savedPhoneIsFoundAgainBesideTheProfile() {
        users.saveProfile(UserId.of("oPhone1"), profile("Pat"));

        assertThat(users.savePhone(UserId.of("oPhone1"), PHONE)).isTrue();

        User found = users.find(UserId.of("oPhone1")).orElseThrow();
        assertThat(found.phone()).contains(PHONE);
        assertThat(found.profile()).contains(profile("Pat"));
        assertThat(users.list(0, 10)).singleElement().extracting(User::phone).isEqualTo(Optional.of(PHONE));
    }

    @Test
    void phoneOfAnUnknownUserIsNotStored() {
        assertThat(users.savePhone(UserId.of("oNobodyPhone"), PHONE)).isFalse();

        assertThat(users.find(UserId.of("oNobodyPhone"))).isEmpty();
    }

    @Test
    void aLaterProfileKeepsThePhoneAndALaterPhoneReplacesIt() {
        users.registerIfAbsent(UserId.of("oPhone2"));
        assertThat(users.find(UserId.of("oPhone2")).orElseThrow().phone()).isEmpty();
        users.savePhone(UserId.of("oPhone2"), PHONE);

        users.saveProfile(UserId.of("oPhone2"), profile("Kept"));
        users.registerIfAbsent(UserId.of("oPhone2"));
        PhoneNumber abroad = new PhoneNumber("+14155550100", "4155550100", "1");
        users.savePhone(UserId.of("oPhone2"), abroad);

        User found = users.find(UserId.of("oPhone2")).orElseThrow();
        assertThat(found.phone()).contains(abroad);
        assertThat(found.profile()).contains(profile("Kept"));
    }

    @Test
    void importedUserKeepsItsPhone() {
        User given = new User(UserId.of("oImportedPhone"), Optional.of(profile("Imp")),
                Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-02-03T04:05:06Z"), Optional.of(PHONE));

        assertThat(users.importUser(given)).isEqualTo(UserRepository.ImportOutcome.INSERTED);

        assertThat(users.find(given.id()).orElseThrow().phone()).contains(PHONE);
        assertThat(users.importUser(given)).isEqualTo(UserRepository.ImportOutcome.UNCHANGED);
    }

    @Test
    void unknownUserIsAbsent() {
        assertThat(users.find(UserId.of("nobody"))).isEmpty();
        assertThat(users.exists(UserId.of("nobody"))).isFalse();
    }

    @Test
    void registerIfAbsentCreatesAUserWithoutProfile() {
        users.registerIfAbsent(UserId.of("oCodeOnly"));

        User user = users.find(UserId.of("oCodeOnly")).orElseThrow();
        assertThat(user.profile()).isEmpty();
        assertThat(user.createdAt()).isEqualTo(user.updatedAt());
    }

    @Test
    void registerIfAbsentKeepsAnExistingProfile() {
        users.saveProfile(UserId.of("oUser2"), profile("Bob"));
        users.registerIfAbsent(UserId.of("oUser2"));

        assertThat(users.find(UserId.of("oUser2")).orElseThrow().profile()).contains(profile("Bob"));
    }

    @Test
    void secondSaveUpdatesTheProfileAndKeepsCreatedAt() {
        users.saveProfile(UserId.of("oUser3"), profile("Before"));
        User first = users.find(UserId.of("oUser3")).orElseThrow();

        users.saveProfile(UserId.of("oUser3"), profile("After"));
        User second = users.find(UserId.of("oUser3")).orElseThrow();

        assertThat(second.profile()).contains(profile("After"));
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.updatedAt()).isAfterOrEqualTo(first.updatedAt());
    }

    @Test
    void profileUpgradesACodeOnlyUser() {
        users.registerIfAbsent(UserId.of("oUser4"));
        users.saveProfile(UserId.of("oUser4"), profile("Later"));

        assertThat(users.find(UserId.of("oUser4")).orElseThrow().profile()).contains(profile("Later"));
    }

    @Test
    void hostileTextIsStoredByteExactAndMatchesNoOtherUser() {
        String hostile = "' OR '1'='1 -- %_ \\ \uD83D\uDE00 " + "x".repeat(10_000);
        UserProfile stored = new UserProfile(hostile, 2, "%", "_", "'", "\"", hostile);
        users.saveProfile(UserId.of("a_b"), stored);
        users.registerIfAbsent(UserId.of("aXb"));

        assertThat(users.find(UserId.of("a_b")).orElseThrow().profile()).contains(stored);
        assertThat(users.find(UserId.of("aXb")).orElseThrow().profile()).isEmpty();
        assertThat(users.find(UserId.of("a"))).isEmpty();
        assertThat(users.find(UserId.of("a_"))).isEmpty();
    }

    @Test
    void nulInTextIsStoredExactlyOrRefusedButNeverChanged() {
        users.saveProfile(UserId.of("oNul"), profile("Before"));
        UserProfile withNul = new UserProfile("a\u0000b", 2, "\u0000", "", "", "", "x\u0000");

        if (storesNulCharacters()) {
            users.saveProfile(UserId.of("oNul"), withNul);
            assertThat(users.find(UserId.of("oNul")).orElseThrow().profile()).contains(withNul);
        } else {
            assertThatThrownBy(() -> users.saveProfile(UserId.of("oNul"), withNul)).isInstanceOf(MpAuthXException.class)
                    .hasMessageContaining("NUL");
            assertThat(users.find(UserId.of("oNul")).orElseThrow().profile()).contains(profile("Before"));
        }
    }

    @Test
    void listPagesThroughUsersInIdOrder() {
        users.registerIfAbsent(UserId.of("c"));
        users.registerIfAbsent(UserId.of("a"));
        users.saveProfile(UserId.of("b"), profile("B"));

        assertThat(users.list(0, 10)).extracting(user -> user.id().value()).containsExactly("a", "b", "c");
        assertThat(users.list(1, 1)).extracting(user -> user.id().value()).containsExactly("b");
        assertThat(users.list(3, 10)).isEmpty();
    }

    @Test
    void sameNewUserFromManyThreadsEndsAsOneUser() throws Exception {
        List<Boolean> done = Concurrently.run(32, i -> {
            if (i % 2 == 0) {
                users.registerIfAbsent(UserId.of("oRace"));
            } else {
                users.saveProfile(UserId.of("oRace"), profile("Racer"));
            }
            return true;
        });

        assertThat(done).hasSize(32).containsOnly(true);
        assertThat(users.list(0, 100)).extracting(user -> user.id().value()).containsExactly("oRace");
        assertThat(users.find(UserId.of("oRace")).orElseThrow().profile()).contains(profile("Racer"));
    }

    /** @return true if the store keeps the times of an imported user (the built-in stores do, to the millisecond) */
    protected boolean keepsImportedTimes() {
        return true;
    }

    @Test
    void anImportedUserIsStoredAsGivenAndTheSameImportTwiceChangesNothing() {
        Instant created = Instant.parse("2024-02-29T08:15:30.123Z");
        Instant updated = Instant.parse("2025-01-02T03:04:05.678Z");
        User withProfile = new User(UserId.of("oImported"), Optional.of(profile("Imported")), created, updated);
        User withoutProfile = new User(UserId.of("oImportedBare"), Optional.empty(), created, created);

        assertThat(users.importUser(withProfile)).isEqualTo(UserRepository.ImportOutcome.INSERTED);
        assertThat(users.importUser(withoutProfile)).isEqualTo(UserRepository.ImportOutcome.INSERTED);
        assertThat(users.importUser(withProfile)).isEqualTo(UserRepository.ImportOutcome.UNCHANGED);
        assertThat(users.importUser(withoutProfile)).isEqualTo(UserRepository.ImportOutcome.UNCHANGED);

        User stored = users.find(UserId.of("oImported")).orElseThrow();
        assertThat(stored.profile()).contains(profile("Imported"));
        assertThat(users.find(UserId.of("oImportedBare")).orElseThrow().profile()).isEmpty();
        if (keepsImportedTimes()) {
            assertThat(stored).isEqualTo(withProfile);
        }
    }

    @Test
    void anImportOverAStoredUserReplacesItsProfile() {
        users.saveProfile(UserId.of("oReplaced"), profile("Before"));
        User imported = new User(UserId.of("oReplaced"), Optional.of(profile("After")),
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-06-01T00:00:00Z"));

        assertThat(users.importUser(imported)).isEqualTo(UserRepository.ImportOutcome.UPDATED);

        assertThat(users.find(UserId.of("oReplaced")).orElseThrow().profile()).contains(profile("After"));
    }
}

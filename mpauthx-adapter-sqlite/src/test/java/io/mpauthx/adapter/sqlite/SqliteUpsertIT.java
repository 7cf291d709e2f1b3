package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import org.junit.jupiter.api.Test;

import io.mpauthx.domain.testing.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Insert-or-update of a login: the profile follows the latest login, createdAt stays, updatedAt moves. */
class SqliteUpsertIT extends FreshDatabaseFile {

    private static final Instant FIRST_LOGIN = Instant.parse("2026-01-01T08:00:00.123Z");

    private final SettableClock clock = new SettableClock(FIRST_LOGIN);

    @Override
    Clock clock() {
        return clock;
    }

    private static UserProfile profile(String nickName, String city) {
        return new UserProfile(nickName, 1, "zh_CN", city, "Guangdong", "China", "https://example.com/" + nickName);
    }

    @Test
    void secondLoginUpdatesTheProfileKeepsCreatedAtAndMovesUpdatedAt() {
        users.saveProfile(UserId.of("oUpsert"), profile("Ann", "Guangzhou"));
        clock.advance(Duration.ofMinutes(5));

        users.saveProfile(UserId.of("oUpsert"), profile("Annie", "Shenzhen"));

        User user = users.find(UserId.of("oUpsert")).orElseThrow();
        assertThat(user.profile()).contains(profile("Annie", "Shenzhen"));
        assertThat(user.createdAt()).isEqualTo(FIRST_LOGIN);
        assertThat(user.updatedAt()).isEqualTo(FIRST_LOGIN.plus(Duration.ofMinutes(5)));
    }

    @Test
    void codeOnlyLoginOfAKnownUserChangesNothing() {
        users.saveProfile(UserId.of("oKnown"), profile("Bo", "Foshan"));
        clock.advance(Duration.ofHours(1));

        users.registerIfAbsent(UserId.of("oKnown"));

        User user = users.find(UserId.of("oKnown")).orElseThrow();
        assertThat(user.profile()).contains(profile("Bo", "Foshan"));
        assertThat(user.updatedAt()).isEqualTo(FIRST_LOGIN);
    }

    @Test
    void updatedAtNeverMovesBackWhenTheClockDoes() {
        users.saveProfile(UserId.of("oClock"), profile("Cy", "Zhuhai"));
        clock.set(FIRST_LOGIN.minus(Duration.ofDays(1)));

        users.saveProfile(UserId.of("oClock"), profile("Cyrus", "Zhuhai"));

        User user = users.find(UserId.of("oClock")).orElseThrow();
        assertThat(user.profile()).contains(profile("Cyrus", "Zhuhai"));
        assertThat(user.updatedAt()).isEqualTo(FIRST_LOGIN);
    }

    @Test
    void emptyProfileFieldsAreAProfileNotItsAbsence() {
        UserProfile blank = new UserProfile("", 0, "", "", "", "", "");

        users.saveProfile(UserId.of("oBlank"), blank);

        assertThat(users.find(UserId.of("oBlank")).orElseThrow().profile()).contains(blank);
    }

    @Test
    void timestampsAreStoredAsEpochMilliseconds() throws Exception {
        users.registerIfAbsent(UserId.of("oMillis"));

        assertThat(PlainSqlite.query(file(),
                "SELECT createdAt, updatedAt FROM user WHERE openId = ?", "oMillis"))
                .containsExactly(List.of(String.valueOf(FIRST_LOGIN.toEpochMilli()),
                        String.valueOf(FIRST_LOGIN.toEpochMilli())));
    }
}

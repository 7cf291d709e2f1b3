package io.mpauthx.adapter.sqlite;

import io.mpauthx.domain.User;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.testing.Concurrently;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Many threads on one file: no SQLITE_BUSY reaches a caller, and racing first logins end as one row. */
class SqliteConcurrencyIT extends FreshDatabaseFile {

    private static final UserProfile PROFILE = new UserProfile("Racer", 1, "zh_CN", "Xiamen", "Fujian", "China", "");

    @Test
    void thirtyTwoThreadsAuthorisingTheSameNewUserEndAsOneRow() throws Exception {
        List<User> seen = Concurrently.run(32, thread -> {
            users.saveProfile(UserId.of("oSameNewUser"), PROFILE);
            return users.find(UserId.of("oSameNewUser")).orElseThrow();
        });

        assertThat(seen).hasSize(32).allSatisfy(user -> assertThat(user.profile()).contains(PROFILE));
        assertThat(users.list(0, 100)).extracting(user -> user.id().value()).containsExactly("oSameNewUser");
    }

    @Test
    void eightThreadsOfFiveHundredDistinctUsersStoreFourThousandRows() throws Exception {
        List<Integer> written = Concurrently.run(8, thread -> {
            for (int i = 0; i < 500; i++) {
                String id = "oThread" + thread + "User" + i;
                if (i % 2 == 0) {
                    users.registerIfAbsent(UserId.of(id));
                } else {
                    users.saveProfile(UserId.of(id), PROFILE);
                }
            }
            return 500;
        });

        assertThat(written).containsOnly(500).hasSize(8);
        assertThat(users.list(0, 5_000)).hasSize(4_000);
        assertThat(users.list(0, 5_000)).filteredOn(user -> user.profile().isPresent()).hasSize(2_000);
    }

    @Test
    void readsRunBesideWrites() throws Exception {
        users.saveProfile(UserId.of("oReadMe"), PROFILE);

        List<Boolean> found = Concurrently.run(16, thread -> {
            if (thread % 2 == 0) {
                users.registerIfAbsent(UserId.of("oWriter" + thread));
                return true;
            }
            return users.find(UserId.of("oReadMe")).isPresent();
        });

        assertThat(found).hasSize(16).containsOnly(true);
    }
}

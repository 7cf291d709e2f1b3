package io.mpauthx.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserProfileTest {

    @Test
    void aRowWithEveryProfileColumnNullHoldsNoProfile() {
        assertThat(UserProfile.fromStoredColumns(null, null, null, null, null, null, null)).isEmpty();
    }

    @Test
    void anyStoredColumnMakesAProfileWithTheRestEmptyOrUnknown() {
        assertThat(UserProfile.fromStoredColumns(null, 2, null, null, null, null, null))
                .contains(new UserProfile("", 2, "", "", "", "", ""));
        assertThat(UserProfile.fromStoredColumns("Mei", null, "zh_CN", null, null, null, null))
                .contains(new UserProfile("Mei", 0, "zh_CN", "", "", "", ""));
        assertThat(UserProfile.fromStoredColumns(null, null, null, null, null, null, ""))
                .contains(new UserProfile("", 0, "", "", "", "", ""));
    }
}

package io.mpauthx.domain.service;

import io.mpauthx.domain.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading registered users back, on the stores under test. */
public abstract class FindUserContract extends UseCasesFixture {

    @Test
    void findUserReadsTheStoredUserAndAnswersEmptyForAnythingElse() {
        String openId = uniqueId("o");
        oldFlowLogin(openId, null, null, profile("Ann"));

        assertThat(useCases.findUsers().findUser(openId).flatMap(User::profile)).contains(profile("Ann"));
        assertThat(useCases.findUsers().findUser(openId).map(user -> user.id().value())).contains(openId);
        assertThat(useCases.findUsers().findUser(uniqueId("o"))).isEmpty();
        assertThat(useCases.findUsers().findUser(null)).isEmpty();
        assertThat(useCases.findUsers().findUser("' OR 1=1 --")).isEmpty();
    }

    @Test
    void aCodeOnlyUserIsFoundWithoutProfile() {
        String openId = uniqueId("o");
        codeOnlyLogin(openId, null);

        assertThat(useCases.findUsers().findUser(openId)).hasValueSatisfying(user -> {
            assertThat(user.profile()).isEmpty();
            assertThat(user.createdAt()).isEqualTo(user.updatedAt());
        });
    }
}

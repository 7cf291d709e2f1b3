package io.mpauthx.bootstrap;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sqlite(path)} through the facade: users outlive the instance, and a bad file fails at build(). */
class MpAuthXSqliteIT {

    private static final UserProfile ANN = new UserProfile("Ann", 2, "zh_CN", "Hangzhou", "Zhejiang", "China", "");

    @TempDir
    Path folder;

    private final FakeWeChatGateway weChat = new FakeWeChatGateway();
    private final FakeDecryptor decryptor = new FakeDecryptor();

    private MpAuthXBuilder withoutUserStore() {
        return MpAuthX.builder().appId("wxapp").appSecret("app-secret-value").sku("shop")
                .inMemoryTokenStore().weChatGateway(weChat).decryptor(decryptor);
    }

    @Test
    void usersOutliveTheInstanceInAFileCreatedWithItsFolders() {
        Path file = folder.resolve("data/nested/users.db");
        try (MpAuthX auth = withoutUserStore().sqlite(file).build()) {
            auth.authorize(weChat.newCode("oAnn", null), decryptor.encrypt("oAnn", null, ANN), "aXY=");
        }
        assertThat(file).isRegularFile();

        try (MpAuthX restarted = withoutUserStore().sqlite(file).build()) {
            assertThat(restarted.findUser("oAnn").flatMap(User::profile)).contains(ANN);
            String token = restarted.refreshToken("oAnn").token();
            assertThat(restarted.isTokenValid(token)).isTrue();
        }
    }

    @Test
    void pathThatCannotBeOpenedFailsAtBuildNamingIt() throws Exception {
        Path blocker = Files.writeString(folder.resolve("not-a-folder"), "x");
        Path file = blocker.resolve("users.db");

        assertThatThrownBy(() -> withoutUserStore().sqlite(file).build())
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                    assertThat(e.getMessage()).contains(file.toString());
                });
    }

    @Test
    void fileThatIsNoDatabaseFailsAtBuildNamingIt() throws Exception {
        Path file = Files.writeString(folder.resolve("users.db"), "not a database ".repeat(200));

        assertThatThrownBy(() -> withoutUserStore().sqlite(file).build())
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                    assertThat(e.getMessage()).contains(file.toString(), "not a database");
                });
    }

    @Test
    void fileComesFromTheEnvironment() {
        Path file = folder.resolve("env/users.db");
        MpAuthXBuilder builder = withoutUserStore()
                .fromEnvironment(Map.of(MpAuthXEnvironment.ENV_SQLITE_PATH, file.toString()));

        assertThat(builder.buildConfig().toString()).contains("userRepository=SQLite " + file);
        try (MpAuthX auth = builder.build()) {
            auth.authorize(weChat.newCode("oEnv", null));
            assertThat(auth.findUser("oEnv")).isPresent();
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void pathTheEnvironmentCannotNameIsRefused() {
        assertThatThrownBy(() -> withoutUserStore()
                .fromEnvironment(Map.of(MpAuthXEnvironment.ENV_SQLITE_PATH, "users\u0000.db")))
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
                    assertThat(e.getMessage()).contains(MpAuthXEnvironment.ENV_SQLITE_PATH);
                });
    }

    @Test
    void closedInstanceRefusesUserLookupsWithDatabaseError() {
        MpAuthX auth = withoutUserStore().sqlite(folder.resolve("closed.db")).build();
        auth.authorize(weChat.newCode("oGone", null));

        auth.close();

        assertThatThrownBy(() -> auth.refreshToken("oGone"))
                .isInstanceOfSatisfying(MpAuthXException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR));
    }
}

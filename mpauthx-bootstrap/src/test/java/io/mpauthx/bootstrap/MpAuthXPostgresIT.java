package io.mpauthx.bootstrap;

import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.testing.Await;
import io.mpauthx.domain.testing.Concurrently;
import io.mpauthx.testkit.postgres.LocalPostgres;
import io.mpauthx.testkit.postgres.PostgresServerExtension;
import io.mpauthx.testkit.wechat.SandboxLogin;
import io.mpauthx.testkit.wechat.SandboxUser;
import io.mpauthx.testkit.wechat.WeChatSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several instances behind a load balancer share their users through one PostgreSQL: two facades, each with its
 * own pool (as two servers would have), log the same new users in at once through the WeChat sandbox.
 */
@ExtendWith(PostgresServerExtension.class)
class MpAuthXPostgresIT {

    private static final String APP_ID = "wx-postgres-app";
    private static final String SECRET = "postgres-app-secret";
    private static final int USERS = 200;
    private static final int THREADS_PER_INSTANCE = 16;

    private final LocalPostgres postgres;
    private final String jdbcUrl;
    private final WeChatSandbox weChat = WeChatSandbox.start(APP_ID, SECRET);

    MpAuthXPostgresIT(LocalPostgres postgres) {
        this.postgres = postgres;
        this.jdbcUrl = postgres.jdbcUrl(postgres.createDatabase());
    }

    @AfterEach
    void stopWeChat() {
        weChat.close();
    }

    private MpAuthX instance() {
        return MpAuthX.builder().appId(APP_ID).appSecret(SECRET).sku("shop")
                .postgres(jdbcUrl, postgres.user(), postgres.password())
                .inMemoryTokenStore().weChatApiBaseUrl(weChat.baseUrl()).build();
    }

    private static UserProfile profileOf(int writer) {
        return new UserProfile("writer-" + writer, 1, "zh_CN", "city-" + writer, "", "", "");
    }

    @Test
    void twoInstancesLoggingInTheSameNewUsersAtOnceEndWithOneUserEachAndTheLastProfile() throws Exception {
        Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
        try (MpAuthX first = instance(); MpAuthX second = instance()) {
            List<Integer> logins = Concurrently.run(2 * THREADS_PER_INSTANCE, writer -> {
                MpAuthX auth = writer < THREADS_PER_INSTANCE ? first : second;
                for (int i = 0; i < USERS; i++) {
                    String openId = "oShared" + ((i + writer * 7) % USERS);
                    SandboxLogin login = weChat.newLogin(SandboxUser.withOpenId(openId).profile(profileOf(writer)));
                    AuthResult result = auth.authorize(login.code(), login.encryptedData(), login.iv());
                    assertThat(auth.isTokenValid(result.token())).isTrue();
                    auth.findUser(openId).map(User::createdAt).ifPresent(at -> firstSeen.putIfAbsent(openId, at));
                }
                return USERS;
            });

            assertThat(logins).as("every login succeeded").containsOnly(USERS).hasSize(2 * THREADS_PER_INSTANCE);
            for (int i = 0; i < USERS; i++) {
                String openId = "oShared" + i;
                User onFirst = first.findUser(openId).orElseThrow();
                assertThat(second.findUser(openId)).as("both instances see one user").contains(onFirst);
                assertThat(onFirst.profile().map(UserProfile::nickName).orElseThrow()).startsWith("writer-");
                assertThat(onFirst.createdAt()).as("createdAt kept").isEqualTo(firstSeen.get(openId));
            }
            assertThat(first.findUser("oShared" + USERS)).isEmpty();
        }
    }

    @Test
    void theEnvironmentChoosesPostgresAndTheSchema() {
        Map<String, String> environment = Map.of("MPAUTHX_APPID", APP_ID, "MPAUTHX_APPSECRET", SECRET,
                "MPAUTHX_SKU", "shop", "MPAUTHX_POSTGRES_URL", jdbcUrl, "MPAUTHX_POSTGRES_USER", postgres.user(),
                "MPAUTHX_POSTGRES_PASSWORD", postgres.password(), "MPAUTHX_POSTGRES_SCHEMA", "tenant_a");
        try (MpAuthX auth = MpAuthX.builder().fromEnvironment(environment).inMemoryTokenStore()
                .weChatApiBaseUrl(weChat.baseUrl()).build()) {
            auth.authorize(weChat.newLogin(SandboxUser.withOpenId("oFromEnv")).code());

            assertThat(auth.findUser("oFromEnv")).isPresent();
        }
        try (MpAuthX otherSchema = instance()) {
            assertThat(otherSchema.findUser("oFromEnv")).as("public holds nobody of tenant_a").isEmpty();
        }
    }

    @Test
    void oneDatabaseForUsersAndTokensOnOnePoolThatClosesWithTheFacade() throws Exception {
        String token;
        try (MpAuthX auth = MpAuthX.builder().appId(APP_ID).appSecret(SECRET).sku("shop")
                .postgres(jdbcUrl, postgres.user(), postgres.password()).postgresTokenStore()
                .weChatApiBaseUrl(weChat.baseUrl()).build()) {
            token = auth.authorize(weChat.newLogin(SandboxUser.withOpenId("oTokens")).code()).token();
            assertThat(auth.isTokenValid(token)).isTrue();
            assertThat(count("SELECT count(*) FROM mpauthx_token WHERE user_id = 'oTokens'")).isOne();
            assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mpauthx'"))
                    .as("one pool for both stores").isLessThanOrEqualTo(10);

            String refreshed = auth.refreshToken("oTokens").token();
            assertThat(auth.isTokenValid(token)).isFalse();
            assertThat(auth.revokeToken(refreshed)).isTrue();
            assertThat(auth.isTokenValid(refreshed)).isFalse();
        }
        Await.until(Duration.ofSeconds(10), () -> count("SELECT count(*) FROM pg_stat_activity"
                + " WHERE application_name = 'mpauthx'") == 0, "the shared pool closes with the facade");
        Map<String, String> environment = Map.of("MPAUTHX_APPID", APP_ID, "MPAUTHX_APPSECRET", SECRET,
                "MPAUTHX_SKU", "shop", "MPAUTHX_POSTGRES_URL", jdbcUrl, "MPAUTHX_POSTGRES_USER", postgres.user(),
                "MPAUTHX_POSTGRES_PASSWORD", postgres.password(), "MPAUTHX_TOKEN_STORE", "postgres");
        try (MpAuthX fromEnvironment = MpAuthX.builder().fromEnvironment(environment)
                .weChatApiBaseUrl(weChat.baseUrl()).build()) {
            String another = fromEnvironment.authorize(weChat.newLogin(SandboxUser.withOpenId("oTokens")).code())
                    .token();
            assertThat(fromEnvironment.activeTokens("oTokens")).hasSize(1);
            assertThat(fromEnvironment.isTokenValid(another)).isTrue();
        }
    }

    private long count(String query) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    @Test
    void aWrongPasswordFailsTheBuildNamingTheServerButNotThePassword() {
        String wrong = "definitely-not-" + postgres.password();
        assertThatThrownBy(() -> MpAuthX.builder().appId(APP_ID).appSecret(SECRET).sku("shop")
                .postgres(jdbcUrl, postgres.user(), wrong).inMemoryTokenStore().build())
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.DATABASE_RELATED_ERROR);
                    assertThat(e.getMessage()).contains(String.valueOf(postgres.port())).doesNotContain(wrong);
                });
    }

    @Test
    void postgresSettingsProblemsAreNamedWithTheOthersAndTheConfigurationHidesThePassword() {
        assertThatThrownBy(() -> MpAuthX.builder().appId(APP_ID).sku("shop")
                .postgres("jdbc:mysql://db:3306/app", "app", "s3cret").inMemoryTokenStore().buildConfig())
                .isInstanceOfSatisfying(MpAuthXException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(StatusCode.REQUIRED_PARAMS_MISSING_ERROR);
                    assertThat(e.getMessage()).contains("appSecret is required", "not a PostgreSQL JDBC URL")
                            .doesNotContain("s3cret");
                });
        MpAuthXConfig config = MpAuthX.builder().appId(APP_ID).appSecret(SECRET).sku("shop")
                .postgres(jdbcUrl, postgres.user(), "s3cret").inMemoryTokenStore().buildConfig();
        assertThat(config.toString()).contains(String.valueOf(postgres.port())).doesNotContain("s3cret");
    }
}

package io.mpauthx.server;

import io.mpauthx.domain.MpAuthXException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ServeConfigurationTest {

    private static final String KEY = "0123456789abcdef-key";
    private static final String SECRET = "a-very-secret-app-secret";

    @TempDir
    Path folder;

    private Path file(String text) throws IOException {
        return Files.writeString(folder.resolve("serve.properties"), text);
    }

    private static String problems(Runnable reading) {
        return catchThrowableOfType(MpAuthXException.class, reading::run).getMessage();
    }

    @Test
    void oneAppFromTheEnvironmentAlone() {
        ServeConfiguration configuration = ServeConfiguration.fromEnvironment(Map.of("MPAUTHX_SKU", "shop",
                "MPAUTHX_SERVE_KEYS", KEY + ", second-key-0123456789", "MPAUTHX_SERVE_PORT", "9090"));

        assertThat(configuration.skus()).containsExactly("shop");
        assertThat(configuration.settings().port()).isEqualTo(9090);
        assertThat(configuration.settings().bind()).isEqualTo("127.0.0.1");
        assertThat(configuration.settings().serviceKeys()).hasSize(2);
        assertThat(configuration.toString()).doesNotContain(KEY);
    }

    @Test
    void theEnvironmentNeedsKeysAndASku() {
        String message = problems(() -> ServeConfiguration.fromEnvironment(Map.of("MPAUTHX_SERVE_PORT", "x")));

        assertThat(message).contains("MPAUTHX_SERVE_KEYS", "MPAUTHX_SKU is required",
                "MPAUTHX_SERVE_PORT must be a whole number");
    }

    @Test
    void severalAppsFromAFileWithSecretsFromTheEnvironmentAndFiles() throws IOException {
        Path blogSecret = Files.writeString(folder.resolve("blog.secret"), SECRET + "\n");
        Path config = file("serve.port = 0\nserve.keys.env = KEYS\nredis.uri = redis://127.0.0.1:1\n"
                + "sqlite.path = " + folder.resolve("users.db") + "\napps = shop, blog\n"
                + "app.shop.appid = wx1\napp.shop.secret.env = SHOP_SECRET\napp.shop.token-ttl-seconds = 3600\n"
                + "app.blog.appid = wx2\napp.blog.secret.file = " + blogSecret + "\n");

        ServeConfiguration configuration = ServeConfiguration.fromFile(config,
                Map.of("KEYS", KEY, "SHOP_SECRET", SECRET));

        assertThat(configuration.skus()).containsExactly("shop", "blog");
        assertThat(configuration.settings().port()).isZero();
    }

    @Test
    void theDocumentedExampleIsValid() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "server.md"));
        int start = page.indexOf("```properties\n") + "```properties\n".length();
        Path blogSecret = Files.writeString(folder.resolve("blog.secret"), SECRET);
        Path config = file(page.substring(start, page.indexOf("```", start))
                .replace("/run/secrets/blog_appsecret", blogSecret.toString()));

        ServeConfiguration configuration = ServeConfiguration.fromFile(config, Map.of("MPAUTHX_SERVE_KEYS", KEY,
                "SHOP_APPSECRET", SECRET, "MPAUTHX_REDISPASS", "redis-password"));

        assertThat(configuration.skus()).containsExactly("shop", "blog");
        assertThat(configuration.settings().port()).isEqualTo(8080);
    }

    @Test
    void aFileNamesEveryProblemAndNoSecret() throws IOException {
        Path config = file("serve.keys.file = " + folder.resolve("missing") + "\nredis.uri = redis://x\n"
                + "apps = shop\napp.shop.appid = wx1\napp.shop.secret = " + SECRET + "\napp.shop.colour = red\n"
                + "app.blog.appid = wx2\n");

        String message = problems(() -> ServeConfiguration.fromFile(config, Map.of()));

        assertThat(message).contains("serve.keys.file names a file that cannot be read",
                "app.shop.secret must not hold a secret", "unknown setting app.shop.colour",
                "unknown setting app.blog.appid", "exactly one of sqlite.path and postgres.url")
                .doesNotContain(SECRET);
    }

    @Test
    void aSecretVariableThatIsNotSetIsNamed() throws IOException {
        Path config = file("serve.keys.env = KEYS\nredis.uri = redis://x\nsqlite.path = u.db\napps = shop\n"
                + "app.shop.appid = wx1\napp.shop.secret.env = NOT_SET\n");

        assertThat(problems(() -> ServeConfiguration.fromFile(config, Map.of("KEYS", KEY))))
                .contains("app.shop.secret.env names the variable NOT_SET, which is not set");
    }

    @Test
    void shortServiceKeysAreRefused() {
        assertThat(problems(() -> ServerSettings.builder().serviceKey("short").build()))
                .contains("at least 16 characters").doesNotContain("short,");
    }
}

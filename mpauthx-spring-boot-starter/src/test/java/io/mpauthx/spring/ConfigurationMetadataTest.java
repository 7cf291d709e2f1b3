package io.mpauthx.spring;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar carries the metadata IDEs read to complete the properties, each one with a description. */
class ConfigurationMetadataTest {

    private static final List<String> DOCUMENTED = List.of("mpauthx.app-id", "mpauthx.app-secret", "mpauthx.sku",
            "mpauthx.token-ttl", "mpauthx.max-tokens-per-user", "mpauthx.redis.uri", "mpauthx.redis.sentinel",
            "mpauthx.redis.cluster", "mpauthx.redis.password", "mpauthx.redis.command-timeout",
            "mpauthx.near-cache.enabled", "mpauthx.near-cache.max-entries", "mpauthx.near-cache.max-staleness",
            "mpauthx.sqlite.path", "mpauthx.postgres.url", "mpauthx.postgres.user", "mpauthx.postgres.password",
            "mpauthx.postgres.use-application-data-source", "mpauthx.postgres.schema", "mpauthx.wechat.api-base-url",
            "mpauthx.wechat.connect-timeout", "mpauthx.wechat.request-timeout");

    @Test
    void everyDocumentedPropertyIsDescribedForIdes() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher described = Pattern.compile("\"name\": \"(mpauthx\\.[a-z.-]+)\",[^}]*\"description\": \"[^\"]+\"")
                .matcher(metadata);
        List<String> names = new ArrayList<>();
        while (described.find()) {
            names.add(described.group(1));
        }

        assertThat(names).containsExactlyInAnyOrderElementsOf(DOCUMENTED);
    }
}

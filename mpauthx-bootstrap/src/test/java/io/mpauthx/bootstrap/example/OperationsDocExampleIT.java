package io.mpauthx.bootstrap.example;

import io.mpauthx.adapter.sqlite.SqliteAdapters;
import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.bootstrap.MpAuthXConfig;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The custom-adapter example of docs/operations.md compiles, works, and is the text the document shows. */
class OperationsDocExampleIT {

    private static final Path EXAMPLE =
            Path.of("src/test/java/io/mpauthx/bootstrap/example/AuditedUserRepositoryExample.java");
    private static final Path DOCUMENT = Path.of("../docs/operations.md");

    @TempDir
    Path folder;

    @Test
    void customUserRepositoryReplacesTheBuiltInOne() {
        FakeWeChatGateway weChat = new FakeWeChatGateway();
        Path database = folder.resolve("users.db");
        MpAuthXConfig config = MpAuthX.builder().appId("wxapp").appSecret("secret").sku("shop")
                .inMemoryUserRepository().inMemoryTokenStore()
                .weChatGateway(weChat).decryptor(new FakeDecryptor())
                .buildConfig();

        try (MpAuthX auth = AuditedUserRepositoryExample.start(config, database)) {
            auth.authorize(weChat.newCode("oAudit", null));
            auth.authorize(weChat.newCode("oAudit", null));
            auth.authorize(weChat.newCode("oOther", null));

            assertThat(auth.findUser("oAudit")).isPresent();
        }
        try (UserRepository written = SqliteAdapters.userRepository(database)) {
            assertThat(written.list(0, 10)).extracting(user -> user.id().value()).containsExactly("oAudit", "oOther");
        }
    }

    @Test
    void theDocumentShowsExactlyTheCompiledExample() throws IOException {
        String source = Files.readString(EXAMPLE);
        String example = source.substring(source.indexOf("// example:start\n") + "// example:start\n".length(),
                source.indexOf("// example:end"));

        assertThat(Files.readString(DOCUMENT)).contains(example);
    }
}

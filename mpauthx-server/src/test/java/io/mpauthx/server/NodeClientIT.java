package io.mpauthx.server;

import io.mpauthx.testkit.redis.LocalRedisServer;
import io.mpauthx.testkit.wechat.SandboxUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Node.js client of docs/server.md, taken from the page as it is, logs in, checks and revokes against a service. */
class NodeClientIT {

    private static final Path PAGE = Path.of("..", "docs", "server.md");

    @TempDir
    Path folder;

    @Test
    void theDocumentedClientLogsInChecksAndRevokes() throws IOException, InterruptedException {
        Path client = Files.writeString(folder.resolve("mpauthx-client.mjs"), documentedClient());
        try (LocalRedisServer redis = LocalRedisServer.startOnFreePort();
             RunningService service = RunningService.start(redis.uri(), folder)) {
            String code = service.weChat.newLogin(SandboxUser.withOpenId("oNode")).code();
            ProcessBuilder node = new ProcessBuilder("node", client.toString(), code).redirectErrorStream(true);
            node.environment().put("MPAUTHX_URL", service.base.toString());
            node.environment().put("MPAUTHX_SERVICE_KEY", RunningService.KEY);
            Process run = startNode(node);

            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(output).isEqualTo("logged in as oNode\nrevoked: true\nactive after logout: false\n");
        }
    }

    private static Process startNode(ProcessBuilder node) {
        try {
            return node.start();
        } catch (IOException noNode) {
            throw new AssertionError("Node.js 18+ must be on PATH for this test (.ci/run installs it)", noNode);
        }
    }

    private static String documentedClient() throws IOException {
        String page = Files.readString(PAGE);
        int section = page.indexOf("## A Node.js client");
        int start = page.indexOf("```js\n", section) + "```js\n".length();
        return page.substring(start, page.indexOf("```", start));
    }
}

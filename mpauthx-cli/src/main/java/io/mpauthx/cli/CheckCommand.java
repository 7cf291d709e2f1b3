package io.mpauthx.cli;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.MpAuthXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code mpauthx check TOKEN --redis URI}: is this token live? Exit 0 valid, 1 invalid, 2 Redis unreachable. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check one token against Redis: prints valid or invalid, exits 0 or 1 (2 when Redis fails).")
final class CheckCommand extends CliCommand implements Callable<Integer> {

    /** The check needs no WeChat access; the builder still wants an app, so a placeholder names the purpose. */
    private static final String NO_APP = "mpauthx-cli-check";

    @Parameters(index = "0", paramLabel = "TOKEN", description = "The access token to check.")
    private String token;

    @Option(names = "--redis", required = true, description = "Redis URI, e.g. redis://:password@127.0.0.1:6379/0.")
    private String redisUri;

    @Option(names = "--sku", description = "Require the token to be of this sku (default: the sku inside the token).")
    private String sku;

    @Override
    public Integer call() {
        Optional<String> tokenSku = Optional.ofNullable(sku).or(() -> AccessToken.parse(token).map(parsed -> parsed.owner().sku().value()));
        if (tokenSku.isEmpty()) {
            out().println("invalid (not a well-formed token)");
            return 1;
        }
        try (MpAuthX auth = MpAuthX.builder().appId(NO_APP).appSecret(NO_APP).sku(tokenSku.get())
                .inMemoryUserRepository().redis(redisUri).build()) {
            boolean valid = auth.isTokenValid(token);
            out().println(valid ? "valid" : "invalid");
            return valid ? 0 : 1;
        } catch (MpAuthXException failure) {
            err().println("cannot check: " + failure.getMessage());
            return 2;
        }
    }
}

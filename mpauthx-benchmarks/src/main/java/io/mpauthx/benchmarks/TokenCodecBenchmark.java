package io.mpauthx.benchmarks;

import io.mpauthx.domain.AccessToken;
import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenHash;
import io.mpauthx.domain.TokenOwner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.mpauthx.domain.UserId;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Figure 6 (JMH): making and reading tokens, next to drawing a secret's 32 random bytes alone, the floor of
 * making one. The random source is a default {@link SecureRandom}, as the library wires it.
 */
@State(Scope.Thread)
public class TokenCodecBenchmark {

    private final SecureRandom random = new SecureRandom();
    private final TokenOwner owner = new TokenOwner(Sku.of(LiveTokens.SKU), UserId.of(LiveTokens.openId(42)));
    private String token;

    /** Makes the token that the reading benchmarks read. */
    @Setup
    public void makeToken() {
        token = AccessToken.generate(owner, random).value();
    }

    /** @return 32 random bytes: the floor */
    @Benchmark
    public byte[] secureRandom32Bytes() {
        byte[] bytes = new byte[AccessToken.SECRET_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    /** @return a new token as a phone receives it */
    @Benchmark
    public String generate() {
        return AccessToken.generate(owner, random).value();
    }

    /** @return the parsed token, as {@code extractOpenId} reads it */
    @Benchmark
    public Optional<AccessToken> parse() {
        return AccessToken.parse(token);
    }

    /** @return the hash a check looks up: all of {@code isTokenValid} but the round trip */
    @Benchmark
    public TokenHash parseAndHash() {
        return AccessToken.parse(token).orElseThrow().hash();
    }
}

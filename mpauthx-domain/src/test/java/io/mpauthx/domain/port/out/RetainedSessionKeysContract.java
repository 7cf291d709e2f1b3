package io.mpauthx.domain.port.out;

import io.mpauthx.domain.Sku;
import io.mpauthx.domain.TokenOwner;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.testing.Await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link RetainedSessionKeys} must do; each implementation's test gives a fresh store on real time. */
public abstract class RetainedSessionKeysContract {

    private static final Duration DAYS = Duration.ofDays(3);

    /** @return a store to test */
    protected abstract RetainedSessionKeys newStore();

    private RetainedSessionKeys keys;

    @BeforeEach
    void openStore() {
        keys = newStore();
    }

    private static TokenOwner newOwner() {
        return new TokenOwner(Sku.of("shop"), UserId.of("o" + UUID.randomUUID().toString().replace("-", "")));
    }

    @Test
    void theNewestKeyOfEachUserIsKept() {
        TokenOwner ann = newOwner();
        TokenOwner bob = newOwner();

        keys.keep(ann, "v1.first", DAYS);
        keys.keep(ann, "v1.second", DAYS);
        keys.keep(bob, "v1.bob", DAYS);

        assertThat(keys.find(ann)).contains("v1.second");
        assertThat(keys.find(bob)).contains("v1.bob");
        assertThat(keys.find(newOwner())).isEmpty();
    }

    @Test
    void aForgottenKeyIsGoneAndForgettingTwiceFindsNothing() {
        TokenOwner ann = newOwner();
        keys.keep(ann, "v1.key", DAYS);

        assertThat(keys.forget(ann)).isTrue();
        assertThat(keys.find(ann)).isEmpty();
        assertThat(keys.forget(ann)).isFalse();
    }

    @Test
    void aKeyIsGoneAfterItsRetention() {
        TokenOwner ann = newOwner();
        keys.keep(ann, "v1.short", Duration.ofMillis(200));

        Await.until(Duration.ofSeconds(5), () -> keys.find(ann).isEmpty(), "the retention to end");
    }
}

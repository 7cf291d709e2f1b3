package io.mpauthx.bootstrap.reliability;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.domain.testing.HostileStrings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * Token forgery: two instances of different skus share one token store, as two projects on one Redis
 * do; tokens are forged from the real ones of both. A string checks as valid exactly when it is a token issued
 * by this instance: no forgery, no token of the other sku, no other user's id around a valid secret.
 */
abstract class TokenForgeryContract {

    private static final List<String> USERS = List.of("oAlice", "oBob", "uCarol");

    private MpAuthX shop;
    private final List<String> issuedByShop = new ArrayList<>();
    private final List<String> issuedByBlog = new ArrayList<>();

    private TokenStore store;

    /** @return a fresh token store; both instances of a property share it, and the contract closes it */
    protected abstract TokenStore newTokenStore();

    @BeforeEach
    void issueTokensInBothSkus() {
        store = newTokenStore();
        FakeWeChatGateway weChat = new FakeWeChatGateway();
        shop = facade("shop", store, weChat);
        try (MpAuthX blog = facade("blog", store, weChat)) {
            for (String user : USERS) {
                for (int device = 0; device < 2; device++) {
                    issuedByShop.add(shop.authorize(weChat.newCode(user, null)).token());
                    issuedByBlog.add(blog.authorize(weChat.newCode(user, null)).token());
                }
            }
        }
    }

    private static MpAuthX facade(String sku, TokenStore store, FakeWeChatGateway weChat) {
        return MpAuthX.builder().appId("wx-forgery").appSecret("forgery-secret").sku(sku)
                .tokenTtl(Duration.ofHours(1)).inMemoryUserRepository().tokenStore(new UnclosedTokenStore(store))
                .weChatGateway(weChat).decryptor(new FakeDecryptor()).build();
    }

    @AfterEach
    void close() {
        shop.close();
        store.close();
    }

    @Test
    void aStringIsValidExactlyWhenItWasIssuedHere() {
        qt().withExamples(10_000).forAll(candidates()).checkAssert(candidate ->
                assertThat(shop.isTokenValid(candidate)).isEqualTo(issuedByShop.contains(candidate)));
    }

    private Gen<String> candidates() {
        List<String> everyToken = new ArrayList<>(issuedByShop);
        everyToken.addAll(issuedByBlog);
        List<String> skus = List.of("blog", "shop", "Shop", "shop_", "shop.blog");
        return Generate.frequency(Pair.of(6, Forgeries.of(everyToken, USERS, skus)),
                Pair.of(1, HostileStrings.any()));
    }
}

package io.mpauthx.bootstrap.reliability;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.testing.FakeDecryptor;
import io.mpauthx.domain.testing.FakeWeChatGateway;
import io.mpauthx.domain.testing.HostileStrings;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token forgery (issue 10): two instances of different skus share one token store, as two projects on one Redis
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

    @BeforeProperty
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

    @AfterProperty
    void close() {
        shop.close();
        store.close();
    }

    @Property(tries = 10_000)
    void aStringIsValidExactlyWhenItWasIssuedHere(@ForAll("candidates") String candidate) {
        assertThat(shop.isTokenValid(candidate)).isEqualTo(issuedByShop.contains(candidate));
    }

    @Provide
    Arbitrary<String> candidates() {
        List<String> everyToken = new ArrayList<>(issuedByShop);
        everyToken.addAll(issuedByBlog);
        List<String> skus = List.of("blog", "shop", "Shop", "shop_", "shop.blog");
        return Arbitraries.frequencyOf(Tuple.of(6, Forgeries.of(everyToken, USERS, skus)),
                Tuple.of(1, HostileStrings.any()));
    }
}

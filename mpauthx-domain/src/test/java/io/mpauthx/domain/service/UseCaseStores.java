package io.mpauthx.domain.service;

import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;

import java.util.function.Supplier;

/** The two stores the use-case contracts run on: each store module (and the domain, with fakes) supplies them. */
public interface UseCaseStores {

    /** @return a fresh token store; the contracts use unique user ids, so a shared server needs no flushing */
    TokenStore newTokenStore();

    /** @return a fresh, empty user repository */
    UserRepository newUserRepository();

    /**
     * @param tokenStores makes a fresh token store
     * @param userRepositories makes a fresh user repository
     * @return the stores those make
     */
    static UseCaseStores of(Supplier<TokenStore> tokenStores, Supplier<UserRepository> userRepositories) {
        return new UseCaseStores() {
            @Override
            public TokenStore newTokenStore() {
                return tokenStores.get();
            }

            @Override
            public UserRepository newUserRepository() {
                return userRepositories.get();
            }
        };
    }
}

package io.mpauthx.domain.service;

import io.mpauthx.domain.AppAccessToken;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.AppCredentials;
import io.mpauthx.domain.port.out.PhoneNumbers;
import io.mpauthx.domain.port.out.SharedAppAccessToken;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The outgoing ports of WeChat's server APIs (those called with the app's {@code access_token}).
 *
 * @param credentials {@code stable_token}
 * @param sharedToken where every instance finds the token, and the refresh lease
 * @param phoneNumbers {@code getuserphonenumber}
 * @param refreshLease the longest one instance may hold the refresh lease: others take over after it
 */
public record ServerApiPorts(AppCredentials credentials, SharedAppAccessToken sharedToken,
                             PhoneNumbers phoneNumbers, Duration refreshLease) {

    /** Checks that no component is null and the lease is positive. */
    public ServerApiPorts {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(sharedToken, "sharedToken");
        Objects.requireNonNull(phoneNumbers, "phoneNumbers");
        Objects.requireNonNull(refreshLease, "refreshLease");
        if (refreshLease.isNegative() || refreshLease.isZero()) {
            throw new IllegalArgumentException("the refresh lease must be positive");
        }
    }

    /** @return ports that refuse every call, for wirings that use no server API */
    static ServerApiPorts unavailable() {
        Unavailable none = new Unavailable();
        return new ServerApiPorts(none, none, none, Duration.ofSeconds(1));
    }

    private static final class Unavailable implements AppCredentials, SharedAppAccessToken, PhoneNumbers {
        private static MpAuthXException refusal() {
            return new MpAuthXException(StatusCode.UNKNOWN_ERROR, "WeChat's server APIs were not wired");
        }

        @Override
        public AppAccessToken fetchStableToken(boolean forceRefresh) {
            throw refusal();
        }

        @Override
        public Optional<String> read() {
            throw refusal();
        }

        @Override
        public void write(String token, Duration keepFor) {
            throw refusal();
        }

        @Override
        public boolean tryAcquireRefresh(String holder, Duration lease) {
            throw refusal();
        }

        @Override
        public void releaseRefresh(String holder) {
            throw refusal();
        }

        @Override
        public PhoneNumber exchange(String phoneCode, String accessToken) {
            throw refusal();
        }
    }
}

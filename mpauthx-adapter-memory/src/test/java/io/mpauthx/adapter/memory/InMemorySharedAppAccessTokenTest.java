package io.mpauthx.adapter.memory;

import io.mpauthx.domain.port.out.SharedAppAccessToken;
import io.mpauthx.domain.port.out.SharedAppAccessTokenContract;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The shared access_token contract for one process: its instances are the holders of one object. */
class InMemorySharedAppAccessTokenTest extends SharedAppAccessTokenContract {

    private final Map<String, SharedAppAccessToken> byApp = new HashMap<>();

    @Override
    protected SharedAppAccessToken instanceOf(String appId) {
        return byApp.computeIfAbsent(appId, app -> InMemoryAdapters.sharedAppAccessToken(Clock.systemUTC()));
    }
}

package io.mpauthx.adapter.postgres;

import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.UserId;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.out.UserRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Callers logging new users in, each in a loop, until stopped: what a fleet's login traffic does to the user store.
 * Counts every acknowledged login by id, every 6000, and keeps anything else a call threw.
 */
final class LoginLoad implements AutoCloseable {

    private static final UserProfile PROFILE = new UserProfile("Load", 1, "zh_CN", "Shenzhen", "Guangdong", "China",
            "https://example.com/load.png");

    private final UserRepository users;
    private final ExecutorService callers;
    private final List<Future<?>> running = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger databaseErrors = new AtomicInteger();
    private final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

    private LoginLoad(UserRepository users, int callers) {
        this.users = users;
        this.callers = Executors.newFixedThreadPool(callers);
    }

    /** @return the load, its callers already calling */
    static LoginLoad start(UserRepository users, int callers) {
        LoginLoad load = new LoginLoad(users, callers);
        for (int caller = 0; caller < callers; caller++) {
            int id = caller;
            load.running.add(load.callers.submit(() -> load.call(id)));
        }
        return load;
    }

    private void call(int caller) {
        for (int login = 0; !stopped.get(); login++) {
            String userId = "oCaller" + caller + "Login" + login;
            try {
                users.saveProfile(UserId.of(userId), PROFILE);
                acknowledged.add(userId);
            } catch (MpAuthXException e) {
                if (e.statusCode() == StatusCode.DATABASE_RELATED_ERROR) {
                    databaseErrors.incrementAndGet();
                } else {
                    unexpected.add(e);
                }
            } catch (RuntimeException | Error e) {
                unexpected.add(e);
            }
        }
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    int databaseErrors() {
        return databaseErrors.get();
    }

    /** @return the ids of every login that returned normally */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** @return what calls threw other than 6000 */
    List<Throwable> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Stops the callers and waits until each has finished its last call. */
    @Override
    public void close() throws Exception {
        stopped.set(true);
        for (Future<?> caller : running) {
            caller.get(60, TimeUnit.SECONDS);
        }
        callers.shutdown();
    }
}

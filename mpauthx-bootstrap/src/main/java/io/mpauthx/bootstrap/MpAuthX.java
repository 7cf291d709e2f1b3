package io.mpauthx.bootstrap;

import io.mpauthx.bootstrap.FacadeMetrics.CheckResult;
import io.mpauthx.domain.AuthResult;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenInfo;
import io.mpauthx.domain.User;
import io.mpauthx.domain.port.in.AuthorizeUseCase;
import io.mpauthx.domain.port.in.CheckTokenUseCase;
import io.mpauthx.domain.port.in.FindUserUseCase;
import io.mpauthx.domain.port.in.LoginCommand;
import io.mpauthx.domain.port.in.ManageTokensUseCase;
import io.mpauthx.domain.port.in.PhoneNumberUseCase;
import io.mpauthx.domain.port.in.UpdateProfileUseCase;
import io.mpauthx.domain.service.UseCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static io.mpauthx.bootstrap.FacadeFailures.asMpAuthXException;

/**
 * Login and access tokens for the backend of a WeChat Mini Program: the one object an application uses.
 * Thread-safe; make one per application with {@link #builder()} and {@link #close()} it at shutdown.
 *
 * <p>Every method returns its documented result or throws {@link MpAuthXException} carrying a
 * {@link StatusCode}; nothing else escapes. Methods taking a token or user id accept any string (null,
 * garbage) and answer {@code false}, empty or 0 for input that is not well-formed.
 */
public final class MpAuthX implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MpAuthX.class);

    private final AuthorizeUseCase authorization;
    private final CheckTokenUseCase checks;
    private final ManageTokensUseCase management;
    private final FindUserUseCase userQueries;
    private final PhoneNumberUseCase phoneNumbers;
    private final UpdateProfileUseCase profiles;
    private final String sku;
    private final FacadeMetrics metrics;
    private final List<Object> adapters;
    private final AsyncHandOff handOff = new AsyncHandOff();
    private final AtomicBoolean closed = new AtomicBoolean();

    MpAuthX(UseCases useCases, String sku, FacadeMetrics metrics, Object... adapters) {
        this.authorization = useCases.authorize();
        this.checks = useCases.checkTokens();
        this.management = useCases.manageTokens();
        this.userQueries = useCases.findUsers();
        this.phoneNumbers = useCases.phoneNumbers();
        this.profiles = useCases.profiles();
        this.sku = sku;
        this.metrics = metrics;
        this.adapters = List.of(adapters);
        LOG.info("mpauthx ready for sku {}", sku);
    }

    /** @return a builder for a new instance */
    public static MpAuthXBuilder builder() {
        return new MpAuthXBuilder();
    }

    /**
     * The old login flow: the code of {@code wx.login()} plus the encrypted profile of {@code wx.getUserInfo}.
     *
     * @param code the one-time code
     * @param encryptedData base64 ciphertext of the profile
     * @param iv base64 IV of the profile
     * @return success carrying the new token of this device, its user id and expiry
     * @throws MpAuthXException 6001 naming a missing argument, 6002–6006 when WeChat cannot be reached or
     *         answers badly, 6008 when WeChat refuses the code, 6009 when the profile belongs to someone else,
     *         6011 when the profile cannot be decrypted, 6000 when a store failed
     */
    public AuthResult authorize(String code, String encryptedData, String iv) {
        return login(() -> authorization.authorize(LoginCommand.withProfile(code, encryptedData, iv)));
    }

    /**
     * The modern login flow: the code of {@code wx.login()} only. The user is registered without profile.
     *
     * @param code the one-time code
     * @return success carrying the new token of this device, its user id and expiry
     * @throws MpAuthXException 6001 when the code is missing, 6002–6006 and 6008 as for the old flow,
     *         6000 when a store failed
     */
    public AuthResult authorize(String code) {
        return login(() -> authorization.authorize(LoginCommand.codeOnly(code)));
    }

    /**
     * Any login, e.g. one naming the device: {@code authorize(LoginCommand.codeOnly(code).onDevice("iPhone 15"))}.
     *
     * @param login the login as the phone sent it
     * @return success carrying the new token of this device, its user id and expiry
     * @throws MpAuthXException as the other {@code authorize} methods; 6001 for a null login
     */
    public AuthResult authorize(LoginCommand login) {
        return login(() -> authorization.authorize(required(login, "login")));
    }

    /**
     * The check every API call of the backend makes.
     *
     * @param token the token the phone sent; any string, null included
     * @return true only if the token is well-formed, issued for this sku, not expired and not revoked
     * @throws MpAuthXException 6000 when the token store failed (answer 503, don't log the user out)
     */
    public boolean isTokenValid(String token) {
        long start = metrics.startCheck();
        boolean valid;
        try {
            valid = checks.isTokenValid(token);
        } catch (RuntimeException failure) {
            MpAuthXException known = asMpAuthXException(failure);
            metrics.checked(failedCheck(known), start);
            throw known;
        }
        metrics.checked(valid ? CheckResult.VALID : CheckResult.INVALID, start);
        return valid;
    }

    /**
     * {@link #isTokenValid} for non-blocking servers. The answer is delivered on mpauthx's own threads (or at
     * once, when it is known without I/O), never on a Redis I/O thread, so continuations may block.
     *
     * @param token the token the phone sent; any string, null included
     * @return a stage with the answer, failed with {@link MpAuthXException} 6000 when the token store failed
     */
    public CompletionStage<Boolean> isTokenValidAsync(String token) {
        long start = metrics.startCheck();
        CompletionStage<Boolean> answer;
        try {
            answer = Objects.requireNonNull(checks.isTokenValidAsync(token), "the token store answered no stage");
        } catch (RuntimeException failure) {
            answer = CompletableFuture.failedFuture(failure);
        }
        return handOff.handOff(metrics.records() ? timedCheck(answer, start) : answer);
    }

    private CompletionStage<Boolean> timedCheck(CompletionStage<Boolean> answer, long start) {
        return answer.whenComplete((valid, failure) -> metrics.checked(failure != null
                ? failedCheck(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure)
                : valid ? CheckResult.VALID : CheckResult.INVALID, start));
    }

    /** Classifies without translating: the hand-off translates (and logs) an unexpected failure once. */
    private static CheckResult failedCheck(Throwable failure) {
        return failure instanceof MpAuthXException known && known.statusCode() == StatusCode.DATABASE_RELATED_ERROR
                ? CheckResult.STORE_FAILURE : CheckResult.ERROR;
    }

    /**
     * Revokes every live token of the user for this sku and issues one new token, atomically.
     *
     * @param userId the user's unionId or openId
     * @return success carrying the new token
     * @throws MpAuthXException 6001 when the id is blank, 6010 when the user was never registered,
     *         6000 when a store failed
     */
    public AuthResult refreshToken(String userId) {
        long start = metrics.start();
        try {
            AuthResult refreshed = call(() -> management.refreshToken(userId));
            metrics.refreshed(refreshed.statusCode(), start);
            return refreshed;
        } catch (MpAuthXException failure) {
            metrics.refreshed(failure.statusCode().code(), start);
            throw failure;
        }
    }

    /**
     * Pure parsing, no I/O. The user id is the unionId when WeChat gave one at login, else the openId; see
     * docs/contract.md for what happens to ids when an app is later bound to a WeChat Open Platform account.
     *
     * @param token any string, null included
     * @return the user id inside a well-formed token, else empty
     */
    public Optional<String> extractUserId(String token) {
        return checks.extractUserId(token);
    }

    /**
     * The original's name for {@link #extractUserId}: the original called both the unionId and the openId
     * "openId".
     *
     * @param token any string, null included
     * @return the user id (unionId or openId) inside a well-formed token, else empty
     */
    public Optional<String> extractOpenId(String token) {
        return checks.extractUserId(token);
    }

    /**
     * Pure parsing, no I/O.
     *
     * @param token any string, null included
     * @return the sku inside a well-formed token, else empty
     */
    public Optional<String> extractSku(String token) {
        return checks.extractSku(token);
    }

    /**
     * The public id of a token, as {@link #activeTokens} lists it, so that a client can mark "this device". Pure
     * parsing and hashing, no I/O; says nothing about whether the token is live.
     *
     * @param token any string, null included
     * @return the id of a well-formed token of this sku, else empty
     */
    public Optional<String> tokenId(String token) {
        return checks.tokenId(token);
    }

    /**
     * Logs out one device.
     *
     * @param token the token to revoke; any string, null included
     * @return true if the token was live for this sku and is now revoked
     * @throws MpAuthXException 6000 when the token store failed
     */
    public boolean revokeToken(String token) {
        return call(() -> management.revokeToken(token));
    }

    /**
     * Logs out one device of the user by the id {@link #activeTokens} listed: "log out my other device".
     *
     * @param userId the user's id; any string, null included
     * @param tokenId the id of the device's token; any string, null included
     * @return true if a live token of that user for this sku had that id and is now revoked
     * @throws MpAuthXException 6000 when the token store failed
     */
    public boolean revokeToken(String userId, String tokenId) {
        return call(() -> management.revokeToken(userId, tokenId));
    }

    /**
     * Logs out every device of the user for this sku.
     *
     * @param userId the user's id; any string, null included
     * @return how many live tokens were revoked
     * @throws MpAuthXException 6000 when the token store failed
     */
    public int revokeAllTokens(String userId) {
        return call(() -> management.revokeAllTokens(userId));
    }

    /**
     * "Where am I logged in".
     *
     * @param userId the user's id; any string, null included
     * @return the user's live tokens for this sku, oldest first, each as a non-secret id with its lifetime and
     *     the device label given at login
     * @throws MpAuthXException 6000 when the token store failed
     */
    public List<TokenInfo> activeTokens(String userId) {
        return call(() -> management.activeTokens(userId));
    }

    /**
     * Reads a registered user back, with the profile stored at the last old-flow login.
     *
     * @param userId the user's unionId or openId; any string, null included
     * @return the user, or empty when none with that id was registered
     * @throws MpAuthXException 6000 when the user database failed
     */
    public Optional<User> findUser(String userId) {
        return call(() -> userQueries.findUser(userId));
    }

    /**
     * The phone-number button: exchanges its one-time code with WeChat for the user's number, stores the number on
     * the user ({@link User#phone()}) and returns it. The call carries the app's WeChat access_token, which every
     * instance sharing the token store shares; see docs/wechat.md. The number is personal data: mpauthx never logs it.
     *
     * @param userId the user's unionId or openId, as their token names it
     * @param phoneCode the code the Mini Program's {@code getPhoneNumber} event gave
     * @return the number
     * @throws MpAuthXException 6001 for a blank argument, 6010 for an unknown user, 6008 with WeChat's errcode when
     *         WeChat refused the code (40029 invalid, used or expired; 45011 rate limit; -1 busy after the retries;
     *         40001 when even a fresh access_token was refused), 6002–6006 when WeChat cannot be reached or answers
     *         badly, 6000 when a store failed
     */
    public PhoneNumber phoneNumber(String userId, String phoneCode) {
        return call(() -> phoneNumbers.phoneNumber(userId, phoneCode));
    }

    /**
     * The avatar and nickname fill-in widgets: stores what the user chose, keeping the rest of the stored profile.
     *
     * @param userId the user's unionId or openId
     * @param nickName 1–64 characters without control, line-separating or direction-overriding characters, without
     *     white space at either end
     * @param avatarUrl an {@code https} URL with a host, at most 1024 printable ASCII characters, without credentials
     * @return the user as now stored
     * @throws MpAuthXException 6001 for a blank or refused argument (the message says which rule), 6010 for an
     *         unknown user, 6000 when the user database failed
     */
    public User updateProfile(String userId, String nickName, String avatarUrl) {
        return call(() -> profiles.updateProfile(userId, nickName, avatarUrl));
    }

    /** Releases the stores' connections and every thread. Idempotent; later calls fail with 6000. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<Object> reversed = new ArrayList<>(adapters);
        Collections.reverse(reversed);
        for (Object adapter : reversed) {
            if (adapter instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
        // after the stores, so that the answers they fail while closing are still delivered on mpauthx's threads
        handOff.close();
        LOG.debug("mpauthx for sku {} closed", sku);
    }

    /** A login, timed by its status code. */
    private AuthResult login(Supplier<AuthResult> useCase) {
        long start = metrics.start();
        try {
            AuthResult result = call(useCase);
            metrics.loggedIn(result.statusCode(), start);
            return result;
        } catch (MpAuthXException failure) {
            metrics.loggedIn(failure.statusCode().code(), start);
            throw failure;
        }
    }

    /** Every entry point's promise: its result, or an {@link MpAuthXException}; nothing else escapes. */
    private static <T> T call(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (RuntimeException failure) {
            throw asMpAuthXException(failure);
        }
    }

    private static <T> T required(T argument, String name) {
        if (argument == null) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, name + " is missing");
        }
        return argument;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception failure) {
            LOG.warn("closing {} failed", closeable.getClass().getName(), failure);
        }
    }

    @Override
    public String toString() {
        return "MpAuthX[sku=" + sku + (closed.get() ? ", closed" : "") + "]";
    }
}

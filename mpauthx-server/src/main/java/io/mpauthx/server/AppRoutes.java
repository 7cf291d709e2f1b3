package io.mpauthx.server;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.TokenInfo;
import io.mpauthx.domain.User;
import io.mpauthx.domain.UserProfile;
import io.mpauthx.domain.port.in.LoginCommand;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The routes under {@code /v1/apps/{sku}/} of one mini program: each a call of its {@link MpAuthX}. Token checks
 * use the library's non-blocking check and answer from its threads; everything else runs on the service's
 * blocking pool, never on a network thread.
 */
final class AppRoutes {

    static final String INACTIVE = "{\"active\":false}";

    private final MpAuthX app;
    private final String sku;
    private final Executor blocking;

    AppRoutes(MpAuthX app, String sku, Executor blocking) {
        this.app = app;
        this.sku = sku;
        this.blocking = blocking;
    }

    /**
     * @param request the request, its path already past {@code /v1/apps/{sku}/}
     * @param route the path segments after the sku
     * @return the reply; failures of the library arrive as a failed stage
     */
    CompletionStage<Reply> handle(ApiRequest request, List<String> route) {
        String first = route.isEmpty() ? "" : route.get(0);
        if (first.equals("auth")) {
            // any method and any path below: nginx and Envoy forward the original request's to the check
            return authorize(request.bearerToken());
        }
        if (route.size() == 1) {
            switch (first) {
                case "login" -> { return post(request, () -> login(request.body())); }
                case "introspect" -> { return request.expect("POST").orElseGet(() -> introspect(request.body())); }
                case "refresh" -> { return post(request, () -> Reply.json(200,
                        app.refreshToken(request.body().requiredText("userId")).toJson())); }
                case "revoke" -> { return post(request, () -> revoke(request.body())); }
                case "revoke-all" -> { return post(request, () -> Reply.json(200, "{\"revoked\":"
                        + app.revokeAllTokens(request.body().requiredText("userId")) + "}")); }
                default -> { }
            }
        }
        if (first.equals("users") && route.size() == 2) {
            return get(request, () -> user(route.get(1)));
        }
        if (first.equals("users") && route.size() == 3 && route.get(2).equals("tokens")) {
            return get(request, () -> tokens(route.get(1)));
        }
        return CompletableFuture.completedFuture(
                Reply.error(404, StatusCode.REQUIRED_PARAMS_MISSING_ERROR.code(), "no_route", "no such route"));
    }

    private CompletionStage<Reply> post(ApiRequest request, Supplier<Reply> call) {
        return request.expect("POST").orElseGet(() -> CompletableFuture.supplyAsync(call, blocking));
    }

    private CompletionStage<Reply> get(ApiRequest request, Supplier<Reply> call) {
        return request.expect("GET").orElseGet(() -> CompletableFuture.supplyAsync(call, blocking));
    }

    private Reply login(FlatJsonObject body) {
        String code = body.requiredText("code");
        Optional<String> encryptedData = body.text("encryptedData");
        Optional<String> iv = body.text("iv");
        if (encryptedData.isPresent() != iv.isPresent()) {
            throw new BadRequest("missing_field", "\"encryptedData\" and \"iv\" come together or not at all");
        }
        LoginCommand login = encryptedData.isPresent()
                ? LoginCommand.withProfile(code, encryptedData.get(), iv.get()) : LoginCommand.codeOnly(code);
        Optional<String> device = body.text("device");
        return Reply.json(200, app.authorize(device.isPresent() ? login.onDevice(device.get()) : login).toJson());
    }

    /** RFC 7662: anything not live is just inactive; the expiry comes from the user's list of live tokens. */
    private CompletionStage<Reply> introspect(FlatJsonObject body) {
        String token = body.requiredText("token");
        return app.isTokenValidAsync(token).thenCompose(valid -> valid
                ? CompletableFuture.supplyAsync(() -> Reply.json(200, liveTokenJson(token)), blocking)
                : CompletableFuture.completedFuture(Reply.json(200, INACTIVE)));
    }

    private String liveTokenJson(String token) {
        String userId = app.extractUserId(token).orElseThrow();
        Optional<String> tokenId = app.tokenId(token);
        return app.activeTokens(userId).stream()
                .filter(info -> tokenId.isPresent() && info.id().equals(tokenId.get()))
                .findFirst()
                .map(info -> "{\"active\":true,\"sub\":" + Reply.quoted(userId) + ",\"sku\":" + Reply.quoted(sku)
                        + ",\"exp\":" + info.expiresAt().getEpochSecond()
                        + ",\"iat\":" + info.issuedAt().getEpochSecond() + ",\"token_type\":\"Bearer\"}")
                // revoked between the check and the listing: not live any more
                .orElse(INACTIVE);
    }

    private CompletionStage<Reply> authorize(Optional<String> token) {
        if (token.isEmpty()) {
            return CompletableFuture.completedFuture(unauthorized());
        }
        return app.isTokenValidAsync(token.get()).thenApply(valid -> valid
                ? Reply.noContent(Map.of("X-MpAuthX-User", app.extractUserId(token.get()).orElseThrow(),
                        "X-MpAuthX-Sku", sku))
                : unauthorized());
    }

    private static Reply unauthorized() {
        return new Reply(401, "", new byte[0], Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    private Reply revoke(FlatJsonObject body) {
        Optional<String> token = body.text("token");
        boolean revoked = token.isPresent() ? app.revokeToken(token.get())
                : app.revokeToken(body.requiredText("userId"), body.requiredText("tokenId"));
        return Reply.json(200, "{\"revoked\":" + revoked + "}");
    }

    private Reply user(String userId) {
        User user = app.findUser(userId).orElseThrow(() -> new MpAuthXException(StatusCode.USER_NOT_EXIST_IN_DB,
                "no user with that id"));
        return Reply.json(200, "{\"id\":" + Reply.quoted(user.id().value())
                + ",\"created_at\":" + user.createdAt().getEpochSecond()
                + ",\"updated_at\":" + user.updatedAt().getEpochSecond()
                + ",\"profile\":" + user.profile().map(AppRoutes::profileJson).orElse("null") + "}");
    }

    private static String profileJson(UserProfile profile) {
        return "{\"nickName\":" + Reply.quoted(profile.nickName()) + ",\"gender\":" + profile.gender()
                + ",\"language\":" + Reply.quoted(profile.language()) + ",\"city\":" + Reply.quoted(profile.city())
                + ",\"province\":" + Reply.quoted(profile.province())
                + ",\"country\":" + Reply.quoted(profile.country())
                + ",\"avatarUrl\":" + Reply.quoted(profile.avatarUrl()) + "}";
    }

    private Reply tokens(String userId) {
        return Reply.json(200, "{\"tokens\":[" + app.activeTokens(userId).stream()
                .map(AppRoutes::tokenJson).collect(Collectors.joining(",")) + "]}");
    }

    private static String tokenJson(TokenInfo info) {
        return "{\"id\":" + Reply.quoted(info.id()) + ",\"issued_at\":" + info.issuedAt().getEpochSecond()
                + ",\"expires_at\":" + info.expiresAt().getEpochSecond()
                + ",\"device\":" + Reply.quoted(info.device().orElse(null)) + "}";
    }

    @Override
    public String toString() {
        return "AppRoutes[" + sku + "]";
    }
}

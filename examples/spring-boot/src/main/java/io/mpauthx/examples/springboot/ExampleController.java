package io.mpauthx.examples.springboot;

import io.mpauthx.bootstrap.MpAuthX;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.TokenInfo;
import io.mpauthx.spring.MpAuthXPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.stream.Collectors;

/** A login endpoint, a protected endpoint and the user's devices. */
@RestController
class ExampleController {

    private final MpAuthX mpAuthX;

    ExampleController(MpAuthX mpAuthX) {
        this.mpAuthX = mpAuthX;
    }

    @PostMapping(path = "/login", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> login(@RequestParam("code") String code) {
        try {
            return ResponseEntity.ok(mpAuthX.authorize(code).toJson());
        } catch (MpAuthXException failure) {
            return ResponseEntity.status(failure.httpStatus()).body("{\"statusCode\":" + failure.statusCode().code() + "}");
        }
    }

    @GetMapping(path = "/me", produces = MediaType.TEXT_PLAIN_VALUE)
    String me(@AuthenticationPrincipal MpAuthXPrincipal me) {
        return me.userId() + " " + me.sku();
    }

    @GetMapping(path = "/devices", produces = MediaType.TEXT_PLAIN_VALUE)
    String devices(@AuthenticationPrincipal MpAuthXPrincipal me) {
        return mpAuthX.activeTokens(me.userId()).stream().map(TokenInfo::id).collect(Collectors.joining("\n"));
    }
}

package io.mpauthx.adapter.wechat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.PhoneNumber;
import io.mpauthx.domain.StatusCode;
import io.mpauthx.domain.port.out.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /wxa/business/getuserphonenumber?access_token=…} with {@code {"code": …}}. The URL carries the
 * access_token, the body the phone code and the answer the number: none of them is logged or put into a message.
 * The openid WeChat also accepts is left out: a user id may be a unionid, and the code alone names the user.
 */
final class HttpPhoneNumbers implements PhoneNumbers {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPhoneNumbers.class);
    private static final String API = "getuserphonenumber";
    /** Real codes are a few dozen characters; anything far longer is not worth a round trip. */
    static final int LONGEST_CODE = 1024;

    private final WeChatSettings settings;
    private final JsonPost post;
    private final RetryPolicy retries;

    HttpPhoneNumbers(WeChatSettings settings, JsonPost post, RetryPolicy retries) {
        this.settings = settings;
        this.post = post;
        this.retries = retries;
    }

    @Override
    public PhoneNumber exchange(String phoneCode, String accessToken) {
        if (phoneCode.length() > LONGEST_CODE) {
            throw new MpAuthXException(StatusCode.SESSION_KEY_AND_OPENID_REQUEST_ERROR,
                    "the phone code is " + phoneCode.length() + " characters long; WeChat codes are far shorter");
        }
        JsonObject body = new JsonObject();
        body.addProperty("code", phoneCode);
        String path = "/wxa/business/getuserphonenumber?access_token=" + JsonPost.encoded(accessToken);
        return RetryingCall.run(API, settings.requestTimeout(), retries, LOG, deadline ->
                read(post.send(API, path, body, "the phone code", deadline, phoneCode, accessToken)));
    }

    private PhoneNumber read(JsonObject answer) {
        try {
            JsonObject info = StrictJson.object(answer, "phone_info").orElseThrow(() -> new MpAuthXException(
                    StatusCode.JSON_PARSED_ERROR, "WeChat's " + API + " answer has neither errcode nor phone_info"));
            requireThisApp(info);
            return new PhoneNumber(text(info, "phoneNumber"), text(info, "purePhoneNumber"),
                    countryCode(info));
        } catch (StrictJson.WrongTypeException wrongType) {
            throw WeChatAnswer.notAsExpected(API, wrongType);
        } catch (IllegalArgumentException notAPhoneNumber) {
            throw new MpAuthXException(StatusCode.JSON_PARSED_ERROR,
                    "WeChat's getuserphonenumber answer holds no phone number: " + notAPhoneNumber.getMessage());
        }
    }

    /** As in the login's user data, the watermark names the app the number was given to. */
    private void requireThisApp(JsonObject info) {
        String appId = StrictJson.object(info, "watermark").flatMap(mark -> StrictJson.string(mark, "appid"))
                .orElse(settings.appId());
        if (!settings.appId().equals(appId)) {
            throw new MpAuthXException(StatusCode.JSON_PARSED_ERROR,
                    "WeChat's getuserphonenumber answer is watermarked for another app");
        }
    }

    private static String text(JsonObject info, String name) {
        return StrictJson.string(info, name).orElseThrow(() -> new MpAuthXException(StatusCode.JSON_PARSED_ERROR,
                "WeChat's getuserphonenumber answer has no " + name));
    }

    /** WeChat's documentation shows the country code as a string, its servers send a number: both are taken. */
    private static String countryCode(JsonObject info) {
        JsonElement code = info.get("countryCode");
        if (code instanceof JsonPrimitive primitive && primitive.isNumber()) {
            return primitive.getAsBigInteger().toString();
        }
        return text(info, "countryCode");
    }
}

package io.mpauthx.domain.port.in;

import io.mpauthx.domain.DeviceLabel;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.StatusCode;

import java.util.Optional;

/**
 * A login as the phone sends it: the one-time code of {@code wx.login()}, in the old flow the encrypted profile
 * of {@code wx.getUserInfo}, and optionally what the user calls the device. Validates itself: a null or blank
 * part is refused with {@link StatusCode#REQUIRED_PARAMS_MISSING_ERROR} naming the part. {@link #toString()} hides
 * the code.
 *
 * <pre>{@code
 * auth.authorize(LoginCommand.codeOnly(code).onDevice("iPhone 15"));
 * }</pre>
 *
 * @param code the one-time js_code
 * @param encryptedProfile the encrypted profile, present only in the old flow
 * @param device what the user calls the device, shown by {@code activeTokens}
 */
public record LoginCommand(String code, Optional<EncryptedProfile> encryptedProfile, Optional<DeviceLabel> device) {

    /** Refuses a missing code or a missing holder. */
    public LoginCommand {
        requireText(code, "code");
        if (encryptedProfile == null) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "encryptedProfile is missing");
        }
        if (device == null) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, "device is missing");
        }
    }

    /**
     * The modern flow.
     *
     * @param code the one-time js_code
     * @return the command
     * @throws MpAuthXException 6001 when the code is null or blank
     */
    public static LoginCommand codeOnly(String code) {
        return new LoginCommand(code, Optional.empty(), Optional.empty());
    }

    /**
     * The old flow, with the profile from {@code wx.getUserInfo}.
     *
     * @param code the one-time js_code
     * @param encryptedData base64 ciphertext
     * @param iv base64 IV
     * @return the command
     * @throws MpAuthXException 6001 naming the first argument that is null or blank
     */
    public static LoginCommand withProfile(String code, String encryptedData, String iv) {
        requireText(code, "code");
        return new LoginCommand(code, Optional.of(new EncryptedProfile(encryptedData, iv)), Optional.empty());
    }

    /**
     * @param label what the user calls the device, e.g. {@code "iPhone 15"}; at most 48 bytes of UTF-8
     * @return this login, naming the device
     * @throws MpAuthXException 6001 when the label is blank, too long or holds control characters
     */
    public LoginCommand onDevice(String label) {
        return new LoginCommand(code, encryptedProfile, Optional.of(DeviceLabel.of(label)));
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MpAuthXException(StatusCode.REQUIRED_PARAMS_MISSING_ERROR, name + " is missing or blank");
        }
    }

    @Override
    public String toString() {
        return "LoginCommand[code=<redacted>, encryptedProfile=" + encryptedProfile.isPresent() + ", device="
                + device.map(DeviceLabel::value).orElse("none") + "]";
    }

    /**
     * The encrypted profile of the old login flow.
     *
     * @param encryptedData base64 ciphertext
     * @param iv base64 IV
     */
    public record EncryptedProfile(String encryptedData, String iv) {

        /** Refuses a null or blank part, naming it. */
        public EncryptedProfile {
            requireText(encryptedData, "encryptedData");
            requireText(iv, "iv");
        }

        @Override
        public String toString() {
            return "EncryptedProfile[<redacted>]";
        }
    }
}

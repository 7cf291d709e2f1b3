package io.mpauthx.bootstrap;

import io.mpauthx.domain.port.out.Decryptor;

/** How the encrypted user data of the old login flow is decrypted: chosen by the builder, opened by {@link MpAuthXModule}. */
sealed interface DecryptorChoice {

    /** The strict AES-128-CBC decryptor, checking the watermark against the app id. */
    record Aes() implements DecryptorChoice {
    }

    /** The application's own decryptor. */
    record Custom(Decryptor decryptor) implements DecryptorChoice {
    }
}

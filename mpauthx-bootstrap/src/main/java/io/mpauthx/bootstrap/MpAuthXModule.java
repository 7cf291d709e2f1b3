package io.mpauthx.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import io.mpauthx.domain.AuthSettings;
import io.mpauthx.domain.MpAuthXException;
import io.mpauthx.domain.port.out.Decryptor;
import io.mpauthx.domain.port.out.TokenStore;
import io.mpauthx.domain.port.out.UserRepository;
import io.mpauthx.domain.port.out.WeChatGateway;
import io.mpauthx.domain.service.UseCases;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Binds every port of mpauthx to the adapters chosen in an {@link MpAuthXConfig}, and the {@link MpAuthX}
 * facade on top. Fast and side-effect free: adapters are opened by the providers, when first asked for.
 *
 * <p>Swap any adapter with {@code Modules.override(new MpAuthXModule(config)).with(yourModule)} binding the
 * port type, then {@code Guice.createInjector(...).getInstance(MpAuthX.class)} or {@link #createFacade}.
 */
public final class MpAuthXModule extends AbstractModule {

    private final MpAuthXConfig config;

    /**
     * @param config the validated configuration, from {@link MpAuthXBuilder#buildConfig()}
     */
    public MpAuthXModule(MpAuthXConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Creates the injector for the module(s) and returns the facade. When the wiring fails, the adapters already
     * opened are closed and the failure is an {@link MpAuthXException}.
     *
     * @param module {@code MpAuthXModule}, possibly overridden
     * @return the ready facade
     * @throws MpAuthXException 6001 when the modules bind something wrongly (a port bound twice, a provider Guice
     *     cannot make), the adapter's own code when one cannot be opened (6000 for a store), else 9999
     */
    public static MpAuthX createFacade(Module module) {
        // ours, not the injector's: a CreationException leaves no injector to ask what was opened
        OpenedAdapters opened = new OpenedAdapters();
        Module recordingOpened = Modules.override(module)
                .with(binder -> binder.bind(OpenedAdapters.class).toInstance(opened));
        try {
            return Guice.createInjector(recordingOpened).getInstance(MpAuthX.class);
        } catch (CreationException | ConfigurationException | ProvisionException failure) {
            opened.closeAll();
            throw WiringFailures.asMpAuthXException(failure);
        }
    }

    @Override
    protected void configure() {
        // every binding is a @Provides method below
    }

    @Provides
    @Singleton
    MpAuthXConfig config() {
        return config;
    }

    @Provides
    @Singleton
    AuthSettings settings() {
        return config.settings();
    }

    @Provides
    @Singleton
    OpenedAdapters openedAdapters() {
        return new OpenedAdapters();
    }

    @Provides
    @Singleton
    TokenStore tokenStore(OpenedAdapters opened) {
        return opened.register(config.tokenStore().open(config));
    }

    @Provides
    @Singleton
    UserRepository userRepository(OpenedAdapters opened) {
        return opened.register(config.userRepository().open(config));
    }

    @Provides
    @Singleton
    WeChatGateway weChatGateway(OpenedAdapters opened) {
        return opened.register(config.weChatGateway().open(config));
    }

    @Provides
    @Singleton
    Decryptor decryptor(OpenedAdapters opened) {
        return opened.register(config.decryptor().open(config));
    }

    @Provides
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Provides
    @Singleton
    UseCases useCases(AuthSettings settings, TokenStore tokenStore, UserRepository users, WeChatGateway weChat,
                      Decryptor decryptor, SecureRandom random) {
        return UseCases.create(settings, tokenStore, users, weChat, decryptor, random);
    }

    @Provides
    @Singleton
    MpAuthX mpAuthX(UseCases useCases, TokenStore tokenStore, UserRepository users, WeChatGateway weChat,
                    Decryptor decryptor) {
        return new MpAuthX(useCases, config.sku(), tokenStore, users, weChat, decryptor);
    }
}

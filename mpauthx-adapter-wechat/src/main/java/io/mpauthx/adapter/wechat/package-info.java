/**
 * Driven adapter for the WeChat ports: {@link io.mpauthx.domain.port.out.WeChatGateway} as jscode2session over the
 * JDK {@code HttpClient} with Gson, and {@link io.mpauthx.domain.port.out.Decryptor} as strict AES-128-CBC over
 * {@code javax.crypto}. Only {@link io.mpauthx.adapter.wechat.WeChatAdapters} and
 * {@link io.mpauthx.adapter.wechat.WeChatSettings} are public; bootstrap wires them.
 */
package io.mpauthx.adapter.wechat;

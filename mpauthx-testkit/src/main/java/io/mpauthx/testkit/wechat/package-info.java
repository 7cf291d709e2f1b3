/**
 * The "WeChat side" for tests: {@link io.mpauthx.testkit.wechat.WeChatSandbox}, a real HTTP server on loopback that
 * answers {@code jscode2session} for registered test users and encrypts their user data exactly as WeChat does.
 * Outside the hexagon: it knows the wire format, never an adapter.
 */
package io.mpauthx.testkit.wechat;

/**
 * The "WeChat side" for tests and the demo: {@link io.mpauthx.testkit.wechat.WeChatSandbox}, a real HTTP server on
 * loopback that answers {@code jscode2session} for registered test users and encrypts their user data exactly as
 * WeChat does. It ships in {@code mpauthx-sandbox}, which needs no test framework (the {@code mpauthx demo} command
 * runs it); {@code mpauthx-testkit} brings it to tests. Outside the hexagon: it knows the wire format, never an
 * adapter.
 */
package io.mpauthx.testkit.wechat;

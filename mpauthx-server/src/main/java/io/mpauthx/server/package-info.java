/**
 * {@code mpauthx serve}: the library as an HTTP service. A driving adapter outside the hexagon's modules: it calls
 * the {@link io.mpauthx.bootstrap.MpAuthX} facade only, and it is the one module that sees the HTTP server library
 * (Netty's HTTP codec). Entry points: {@link io.mpauthx.server.ServeConfiguration} and
 * {@link io.mpauthx.server.MpAuthXServer}.
 */
package io.mpauthx.server;

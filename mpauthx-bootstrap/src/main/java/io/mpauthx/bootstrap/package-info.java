/**
 * Outside the hexagon: the {@link io.mpauthx.bootstrap.MpAuthX} facade users call, its builder and
 * configuration, and {@link io.mpauthx.bootstrap.MpAuthXModule}, the one Guice module that picks the adapters
 * and binds every port. The only module that depends on every adapter.
 */
package io.mpauthx.bootstrap;

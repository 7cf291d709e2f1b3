/**
 * Network faults for tests: {@link io.mpauthx.testkit.net.SilentLinkProxy}, a loopback TCP proxy whose open
 * connections can be made to go silent without closing, the way a lost host or a middlebox dropping traffic looks
 * to a client. Outside the hexagon; used by tests of how the stores notice a dead link.
 */
package io.mpauthx.testkit.net;

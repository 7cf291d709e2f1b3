/**
 * Log capture for tests that prove what is (and is not) logged. Needs logback-classic on the test classpath:
 * the testkit declares it optional so users with another SLF4J binding do not get a second one.
 */
package io.mpauthx.testkit.logging;

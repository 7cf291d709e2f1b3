/**
 * What the testkit's JUnit 5 extensions share: fixtures kept one per test class in JUnit's store and closed after
 * the class's last test. Outside the hexagon.
 */
package io.mpauthx.testkit.junit;

/**
 * Spring Boot for mpauthx: auto-configuration of one {@code MpAuthX} bean from {@code mpauthx.*} properties, Spring
 * Security's resource server checking mpauthx's tokens, an Actuator health indicator and the meters in the
 * application's registry. The only package of mpauthx that sees Spring.
 */
package io.mpauthx.spring;

/**
 * The centre of the hexagon: the model of mpauthx (tokens, users, WeChat sessions), its status codes and its
 * one exception type. Depends on the JDK only.
 */
package io.mpauthx.domain;

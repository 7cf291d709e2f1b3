/**
 * The {@code mpauthx} command line: a guided demo of what a Mini Program backend does, and small admin tools.
 * An application outside the library: it may print, and it ships the SLF4J binding.
 */
package io.mpauthx.cli;

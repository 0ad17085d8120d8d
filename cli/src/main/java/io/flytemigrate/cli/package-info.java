/**
 * The {@code flyte-migrate} command line.
 *
 * <p>This is the only module that does file IO, reads the clock or decides exit codes: every
 * other module takes text and returns values plus diagnostics. Within this package, {@link
 * io.flytemigrate.cli.InputFiles} is the only class that reads files, and {@link
 * io.flytemigrate.cli.Main#main} is the only method that calls {@code System.exit}.
 */
package io.flytemigrate.cli;

package io.flytemigrate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any exception escaping a command into one line on stderr and exit code 3. Bad input never
 * gets here (readers report diagnostics instead), so whatever arrives is a flyte-migrate bug.
 */
final class InternalErrorHandler implements IExecutionExceptionHandler {
  private final boolean debug;

  /** @param debug whether to follow the message with a stack trace ({@code FLYTE_MIGRATE_DEBUG=1}) */
  InternalErrorHandler(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    return report(ex, commandLine.getErr());
  }

  /** Prints the report for {@code failure} to {@code err} and returns {@link ExitCodes#INTERNAL}. */
  int report(Throwable failure, PrintWriter err) {
    err.println("flyte-migrate: internal error: " + describe(failure));
    err.println("flyte-migrate: this is a bug, please report this with the command and input that caused it"
        + (debug ? "" : " (set FLYTE_MIGRATE_DEBUG=1 for a stack trace)"));
    if (debug) {
      failure.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /** {@code class: message} on one line; just the class when there is no message. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    String name = failure.getClass().getName();
    if (message == null || message.isBlank()) {
      return name;
    }
    return name + ": " + message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}

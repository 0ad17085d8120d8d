package io.flytemigrate.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command-line mistake in two or three short lines (what is wrong, maybe a suggestion,
 * where to read more) instead of the whole usage text, and exits {@link ExitCodes#USAGE}.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("flyte-migrate: " + lowerFirst(ex.getMessage()));
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("run `" + cmd.getCommandSpec().qualifiedName() + " --help` to see how to use it");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Picocli capitalises its messages; ours are lowercase. Leaves {@code FILE}-like words alone. */
  static String lowerFirst(String message) {
    if (message == null || message.isEmpty()) {
      return "bad command line";
    }
    if (message.length() > 1 && Character.isUpperCase(message.charAt(0))
        && Character.isLowerCase(message.charAt(1))) {
      return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
    return message;
  }
}

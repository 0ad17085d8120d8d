package io.flytemigrate.cli;

/** The process exit codes of every {@code flyte-migrate} command. */
public final class ExitCodes {
  /** The command did what was asked; warnings may have been printed. */
  public static final int OK = 0;

  /** The input has at least one error-level diagnostic. */
  public static final int INPUT_ERRORS = 1;

  /** The command line itself was wrong (picocli's default for usage errors). */
  public static final int USAGE = 2;

  /** flyte-migrate failed: a bug or a broken build, never the user's input. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}

package io.flytemigrate.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code flyte-migrate} command: entry point and top-level help. {@link #run} does all the
 * work and returns the exit code; only {@link #main} exits the process.
 */
@Command(
    name = "flyte-migrate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    header = "Convert Kubeflow Pipelines and Airflow pipelines to Flyte.",
    synopsisSubcommandLabel = "COMMAND",
    descriptionHeading = "%n",
    description = {
      "flyte-migrate reads a pipeline written for another orchestrator into one intermediate"
          + " representation (IR), checks it, and reports every problem it finds as a diagnostic"
          + " with a file:line:column location and a stable code. Nothing is guessed silently:"
          + " what cannot be translated faithfully is reported.",
      "",
      "Start with `inspect` to see what flyte-migrate reads from a file, and `explain` to look up"
          + " any diagnostic code. Run `flyte-migrate COMMAND --help` for each command's options."
    },
    commandListHeading = "%nCommands:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success; warnings may have been printed",
      "1:errors were found in the input",
      "2:the command line is wrong",
      "3:flyte-migrate itself failed (a bug); please report it"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flyte-migrate inspect pipeline.yaml",
      "      read a compiled KFP v2 pipeline and print its IR",
      "  flyte-migrate explain FM1007",
      "      explain a diagnostic code",
      "  flyte-migrate explain --list",
      "      list every diagnostic code",
      "",
      "Set FLYTE_MIGRATE_DEBUG=1 to print a stack trace with internal errors."
    })
public final class Main implements Callable<Integer> {
  /** The environment variable that adds stack traces to internal errors when set to {@code 1}. */
  public static final String DEBUG_ENV = "FLYTE_MIGRATE_DEBUG";

  @Spec private CommandSpec spec;

  /** Picocli instantiates this class; use {@link #run} to execute commands. */
  public Main() {}

  /** Runs the command line and exits the process with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(out, err, args));
  }

  /**
   * Runs {@code flyte-migrate args...}, writing to the given streams, and returns the exit code
   * (see {@link ExitCodes}). Never exits the process and never throws.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return execute(newCommandLine(), out, err, "1".equals(System.getenv(DEBUG_ENV)), args);
  }

  /** The command tree without any IO settings, so tests can add commands before {@link #execute}. */
  static CommandLine newCommandLine() {
    return new CommandLine(new Main())
        .addSubcommand(new InspectCommand())
        .addSubcommand(new ConvertCommand())
        .addSubcommand(new VerifyCommand())
        .addSubcommand(new CheckCommand())
        .addSubcommand(new GraphCommand())
        .addSubcommand(new ExplainCommand())
        .addSubcommand(new HelpCommand());
  }

  /** Configures streams and handlers on the whole tree of {@code cmd} and executes it. */
  static int execute(CommandLine cmd, PrintWriter out, PrintWriter err, boolean debug, String... args) {
    InternalErrorHandler internal = new InternalErrorHandler(debug);
    cmd.setOut(out)
        .setErr(err)
        .setParameterExceptionHandler(new UsageErrorHandler())
        .setExecutionExceptionHandler(internal);
    try {
      return cmd.execute(args);
    } catch (RuntimeException | Error e) {
      // Picocli hands only Exceptions from commands to the handler; Errors (stack overflow, a class
      // missing from the jar) and failures inside picocli itself land here.
      return internal.report(e, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** With no command, shows the usage on stderr: running the bare tool is a usage error. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("flyte-migrate: missing a COMMAND");
    spec.commandLine().usage(err);
    err.flush();
    return ExitCodes.USAGE;
  }
}

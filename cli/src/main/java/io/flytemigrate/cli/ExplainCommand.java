package io.flytemigrate.cli;

import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Codes;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flyte-migrate explain}: prints the documentation page of a diagnostic code. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Explain a diagnostic code and how to fix what it reports.",
    descriptionHeading = "%n",
    description = {
      "Every diagnostic flyte-migrate prints carries a code such as FM1007, and rich output ends"
          + " with a `see: flyte-migrate explain FM1007` line. This command prints that code's page:"
          + " what triggers it, a small input that shows it, and what to change. The pages ship"
          + " inside the tool, so this works offline.",
      "",
      "Codes are case-insensitive, and a code's name (e.g. undefined-component) works too. Codes"
          + " are grouped by their first digit: 0 input and tool, 1 KFP v2 reader, 2 KFP v1 reader,"
          + " 3 Airflow reader, 4 validators, 5 Flyte emitter, 6 batch and reports."
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the page (or the list) was printed",
      "1:not used by this command (other commands use it for errors in their input)",
      "2:the command line is wrong or the code does not exist",
      "3:the code exists but its page is missing from this build; please report it"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flyte-migrate explain FM1007",
      "      what `undefined-component` means and how to fix it",
      "  flyte-migrate explain --list",
      "      every code with its name, severity and summary",
      "  flyte-migrate explain --list | grep warning",
      "      only the codes that are warnings by default"
    })
final class ExplainCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "CODE",
      arity = "0..1",
      description = "A diagnostic code such as FM1007 (or fm1007, or its name undefined-component).")
  private String code;

  @Option(names = "--list", description = "List every code: id, name, default severity, summary.")
  private boolean list;

  private final DiagnosticPages pages;

  /** The command reading the pages packaged in this jar. */
  ExplainCommand() {
    this(DiagnosticPages.packaged());
  }

  /** The command reading pages from {@code pages}. */
  ExplainCommand(DiagnosticPages pages) {
    this.pages = pages;
  }

  @Override
  public Integer call() {
    if (list == (code != null)) {
      throw new ParameterException(spec.commandLine(),
          list ? "give either a CODE or `--list`, not both" : "missing a CODE such as `FM1007`, or `--list`");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      Codes.all().forEach(c -> out.println(summary(c)));
      out.flush();
      return ExitCodes.OK;
    }
    PrintWriter err = spec.commandLine().getErr();
    Optional<Code> known = lookup(code);
    if (known.isEmpty()) {
      err.println("flyte-migrate: unknown diagnostic code `" + code.strip() + "`");
      err.println("run `flyte-migrate explain --list` to see every code");
      err.flush();
      return ExitCodes.USAGE;
    }
    Code c = known.get();
    Optional<String> page = pages.page(c.id());
    if (page.isEmpty()) {
      out.println(summary(c));
      out.flush();
      err.println("flyte-migrate: the page for `" + c.id() + "` is missing from this build;"
          + " this is a packaging bug, please report it");
      err.flush();
      return ExitCodes.INTERNAL;
    }
    String text = page.get();
    out.print(text.endsWith("\n") ? text : text + "\n");
    out.flush();
    return ExitCodes.OK;
  }

  /** {@code FM1007  undefined-component  error  <summary>}. */
  static String summary(Code c) {
    return c.id() + "  " + c.name() + "  " + c.defaultSeverity().label() + "  " + c.summary();
  }

  /** The code with this id (any case) or this name. */
  static Optional<Code> lookup(String idOrName) {
    String wanted = idOrName.strip();
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    Optional<Code> byId = Codes.byId(wanted);
    if (byId.isPresent()) {
      return byId;
    }
    String name = wanted.toLowerCase(Locale.ROOT);
    return Codes.all().stream().filter(c -> c.name().equals(name)).findFirst();
  }
}

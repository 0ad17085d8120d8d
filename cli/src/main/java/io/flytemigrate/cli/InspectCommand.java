package io.flytemigrate.cli;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.print.IrJson;
import io.flytemigrate.ir.print.IrPrinter;
import io.flytemigrate.ir.spi.PipelineReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flyte-migrate inspect}: reads one pipeline file and prints what flyte-migrate understood. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Read a pipeline file and print what flyte-migrate understood.",
    descriptionHeading = "%n",
    description = {
      "Reads FILE, recognises its format by content (not by file name), and prints the"
          + " intermediate representation (IR) that every later step works from: components,"
          + " tasks, their inputs and outputs, and the dependencies between them. Use it to check"
          + " what was read before converting anything, or to see exactly where a file is wrong.",
      "",
      "The pipeline goes to stdout and diagnostics go to stderr, so either can be redirected"
          + " alone. A partial pipeline is still printed when the file has errors. Every"
          + " diagnostic has a code; `flyte-migrate explain CODE` says what it means and how to"
          + " fix it.",
      "",
      "Supported formats, recognised by content: KFP v2 pipeline specs (YAML or JSON), KFP v1"
          + " component.yaml files and Argo workflows, Airflow DAG files (read, never run) and"
          + " serialized DAGs."
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the file was read; warnings may have been printed",
      "1:the file has errors (see the diagnostics on stderr)",
      "2:the command line is wrong",
      "3:flyte-migrate itself failed; please report it"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flyte-migrate inspect pipeline.yaml",
      "      print the IR as indented text",
      "  flyte-migrate inspect pipeline.yaml --format json > pipeline.ir.json",
      "      save the IR as JSON",
      "  flyte-migrate inspect pipeline.yaml --diagnostics short 2>&1 >/dev/null",
      "      only the diagnostics, one line each"
    })
final class InspectCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description = "The pipeline file to read; relative paths are relative to the current directory.")
  private String file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = LowercaseEnumConverter.Output.class,
      description = "How to print the pipeline: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Option(
      names = "--diagnostics",
      paramLabel = "STYLE",
      defaultValue = "rich",
      converter = LowercaseEnumConverter.Diagnostics.class,
      description = "How to print diagnostics: rich (with the source line), short (one line each)"
          + " or json (default: ${DEFAULT-VALUE}).")
  private DiagnosticsFormat diagnostics;

  private final List<PipelineReader> readers;

  /** The command with every reader in {@link Readers#all()}. */
  InspectCommand() {
    this(Readers.all());
  }

  /** The command with a given reader list, first match wins. */
  InspectCommand(List<PipelineReader> readers) {
    this.readers = List.copyOf(readers);
  }

  @Override
  public Integer call() {
    if (file.isBlank()) {
      throw new ParameterException(spec.commandLine(), "FILE is empty; name a pipeline file");
    }
    List<Diagnostic> found = new ArrayList<>();
    Optional<SourceFile> source = InputFiles.load(file, found);
    Optional<Pipeline> pipeline = source.flatMap(s -> read(s, found));
    PrintWriter out = spec.commandLine().getOut();
    pipeline.ifPresent(p -> out.print(format == OutputFormat.JSON ? IrJson.toJson(p) : IrPrinter.print(p)));
    out.flush();

    Map<String, SourceFile> sources = source.map(s -> Map.of(s.path(), s)).orElse(Map.of());
    PrintWriter err = spec.commandLine().getErr();
    err.print(diagnostics.render(found, sources));
    err.flush();
    return found.stream().anyMatch(Diagnostic::isError) ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
  }

  private Optional<Pipeline> read(SourceFile source, List<Diagnostic> found) {
    Outcome<Pipeline> result = Readers.read(readers, source);
    found.addAll(result.diagnostics());
    return result.value();
  }
}

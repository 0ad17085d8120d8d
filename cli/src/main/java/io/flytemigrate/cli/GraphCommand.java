package io.flytemigrate.cli;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.report.Dag;
import io.flytemigrate.report.Dot;
import io.flytemigrate.report.IrDag;
import io.flytemigrate.report.Mermaid;
import io.flytemigrate.validators.Validators;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flyte-migrate graph}: reads one pipeline file and prints its DAG as a Mermaid flowchart or
 * a Graphviz digraph, either as the source defines it (the IR) or as the Flyte workflow that
 * {@code convert} would write.
 */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Draw a pipeline's DAG as a Mermaid flowchart or a Graphviz graph.",
    descriptionHeading = "%n",
    description = {
      "Reads FILE, recognises its format by content, and prints its DAG on stdout: every task,"
          + " a solid edge (labelled with the outputs it carries) where a task reads another's"
          + " output, and a dashed edge where a task only runs after another. Conditions,"
          + " if/elif/else chains, loops and exit handlers are boxes (Mermaid subgraphs, Graphviz"
          + " clusters) around the tasks they run. Pipeline parameters are not drawn.",
      "",
      "--side source (the default) draws the pipeline as the source file defines it, by task"
          + " name. --side flyte draws the Flyte workflow `convert` would write, by Flyte node id:"
          + " branch nodes with one box per case, map tasks and @dynamic loops around the body"
          + " they run, the sub-workflows of exit handlers with their failure node. It runs the"
          + " validators and the translation first, so it fails where `convert` would.",
      "",
      "Mermaid text renders in GitHub and GitLab Markdown inside a ```mermaid fence; DOT renders"
          + " with Graphviz, e.g. `dot -Tsvg`. Diagnostics go to stderr; a file with errors draws"
          + " nothing.",
      "",
      "Supported formats: KFP v2 pipeline specs (YAML or JSON), KFP v1 component.yaml files and"
          + " Argo workflows, Airflow DAG files (read, never run) and serialized DAGs."
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the DAG was printed; warnings may have been printed",
      "1:the file has errors, or (with --side flyte) cannot be translated; nothing was drawn",
      "2:the command line is wrong",
      "3:flyte-migrate itself failed; please report it"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flyte-migrate graph pipeline.yaml",
      "      the source DAG as a Mermaid flowchart",
      "  flyte-migrate graph pipeline.yaml --side flyte",
      "      the Flyte workflow that `convert` writes, by Flyte node id",
      "  flyte-migrate graph dags/etl.py --format dot | dot -Tsvg > etl.svg",
      "      an Airflow DAG as an SVG picture, drawn by Graphviz"
    })
final class GraphCommand implements Callable<Integer> {
  /** What {@code --format} prints. */
  enum Format {
    /** A Mermaid flowchart, without Markdown fences. */
    MERMAID,
    /** A Graphviz DOT digraph. */
    DOT;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Which DAG {@code --side} draws. */
  enum Side {
    /** The pipeline as the source defines it: the IR. */
    SOURCE,
    /** The Flyte workflow the emitter produces from it. */
    FLYTE;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Converts {@code --format}. */
  static final class FormatConverter extends LowercaseEnumConverter<Format> {
    FormatConverter() {
      super(Format.class);
    }
  }

  /** Converts {@code --side}. */
  static final class SideConverter extends LowercaseEnumConverter<Side> {
    SideConverter() {
      super(Side.class);
    }
  }

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      description = "The pipeline file to draw; relative paths are relative to the current directory.")
  private String file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "mermaid",
      converter = FormatConverter.class,
      description = "What to print: mermaid (a flowchart) or dot (a Graphviz digraph) (default: ${DEFAULT-VALUE}).")
  private Format format;

  @Option(
      names = "--side",
      paramLabel = "SIDE",
      defaultValue = "source",
      converter = SideConverter.class,
      description = "Which DAG to draw: source (as the file defines it) or flyte (the Flyte workflow"
          + " `convert` writes) (default: ${DEFAULT-VALUE}).")
  private Side side;

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
  GraphCommand() {
    this(Readers.all());
  }

  /** The command with a given reader list, first match wins. */
  GraphCommand(List<PipelineReader> readers) {
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
    Optional<Dag> dag = pipeline.filter(p -> noErrors(found)).flatMap(p -> draw(p, found));
    PrintWriter out = spec.commandLine().getOut();
    if (dag.isPresent() && noErrors(found)) {
      String name = pipeline.get().name();
      out.print(format == Format.DOT ? Dot.digraph(dag.get(), name)
          : Mermaid.flowchart(dag.get(), side == Side.SOURCE ? "src" : "fly"));
    }
    out.flush();
    Map<String, SourceFile> sources = source.map(s -> Map.of(s.path(), s)).orElse(Map.of());
    PrintWriter err = spec.commandLine().getErr();
    err.print(diagnostics.render(found, sources));
    err.flush();
    return noErrors(found) ? ExitCodes.OK : ExitCodes.INPUT_ERRORS;
  }

  /** The DAG of the chosen side; for Flyte, empty when the validators or the translation found errors. */
  private Optional<Dag> draw(Pipeline pipeline, List<Diagnostic> found) {
    if (side == Side.SOURCE) {
      return Optional.of(IrDag.of(pipeline));
    }
    // As `convert` does: a pipeline Flyte's compiler would reject is not translated.
    found.addAll(Validators.check(pipeline));
    if (!noErrors(found)) {
      return Optional.empty();
    }
    Outcome<Lowered> lowered = FlyteLowering.lower(pipeline, LoweringOptions.DEFAULT);
    found.addAll(lowered.diagnostics());
    if (lowered.value().isEmpty() || lowered.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(FlyteDag.of(lowered.value().get().project()));
  }

  private static boolean noErrors(List<Diagnostic> found) {
    return found.stream().noneMatch(Diagnostic::isError);
  }

  private Optional<Pipeline> read(SourceFile source, List<Diagnostic> found) {
    Outcome<Pipeline> result = Readers.read(readers, source);
    found.addAll(result.diagnostics());
    return result.value();
  }
}

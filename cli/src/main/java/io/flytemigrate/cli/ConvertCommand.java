package io.flytemigrate.cli;

import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.spi.OutputFile;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.report.BatchResult;
import io.flytemigrate.report.FlyteIds;
import io.flytemigrate.report.InputResult;
import io.flytemigrate.report.InputStatus;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flyte-migrate convert}: reads pipeline files (named, or found in directories), lowers
 * each to Flyte once, merges the tasks they share, and writes every output into OUT atomically.
 */
@Command(
    name = "convert",
    // No standard -V/--version here: --version is the entity version, as in `pyflyte register`.
    sortOptions = false,
    header = "Convert pipeline files into a Flyte project.",
    descriptionHeading = "%n",
    description = {
      "Reads every INPUT (a pipeline file, or a directory searched recursively for them; formats are"
          + " recognised by content: KFP v2 PipelineSpec, KFP v1 Argo workflows and component.yaml,"
          + " Airflow DAG files and serialized DAGs), lowers each pipeline to Flyte once, and writes into"
          + " OUT the flytekit project a Flyte user would have written: one Python package per pipeline,"
          + " with a tasks module and one module per workflow. Components that are identical across"
          + " pipelines become one task in the `shared` package, which every workflow using them calls.",
      "",
      "Beside the project: flyte-package.tgz holds every workflow as the registrable protobuf package"
          + " `pyflyte package` writes, for `flytectl register files --archive`; flyte-migrate.json records"
          + " how it was made (for `flyte-migrate verify OUT`). report.md and report.html list every source"
          + " element with what it became: EXACT, APPROXIMATED or DROPPED, with the reason, and draw each"
          + " pipeline as its source DAG and its Flyte DAG. For CI: summary.json (per input: status,"
          + " diagnostics, Flyte ids, parity counts), junit.xml (one test case per pipeline) and"
          + " diagnostics.sarif (SARIF 2.1.0). For a batch of more than one pipeline, report.md is the"
          + " batch report and each pipeline's report.md, report.html and parity.json are under"
          + " pipelines/<package>/.",
      "",
      "Every task keeps its source name as its node name. Entity versions are content hashes, so"
          + " converting the same pipeline again gives the same versions, and output is byte-identical"
          + " whatever --jobs is.",
      "",
      "Before anything is written, the validators check each pipeline as Flyte's compiler will, and"
          + " each pipeline's package is read back and checked against the source (every task, edge,"
          + " binding type, branch, loop and default); --no-verify skips the read-back. One bad file never"
          + " stops a batch: it is reported and left out, and the rest converts.",
      "",
      "Everything is written at once: if writing fails, OUT is left as it was. A single FILE with"
          + " errors writes nothing. Diagnostics go to stderr, with progress when there are several"
          + " inputs; a summary goes to stdout."
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every input converted (with --fail-on warning: and without warnings)",
      "1:some inputs have errors (or warnings with --fail-on warning, or DROPPED elements with --strict),"
          + " or OUT could not be written; see the diagnostics on stderr",
      "2:the command line is wrong",
      "3:flyte-migrate itself failed on some input; please report it"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flyte-migrate convert pipeline.yaml -o out",
      "      write the flytekit project of one pipeline to out/",
      "  flyte-migrate convert pipelines/ dags/ -o flyte --jobs 4",
      "      convert every pipeline file under pipelines/ and dags/ on 4 threads",
      "  flyte-migrate convert pipelines/ -o flyte --fail-on warning --strict --progress plain",
      "      a CI gate: exit 1 on any warning or DROPPED element; read flyte/junit.xml",
      "  flyte-migrate convert experiments/ -o flyte --consolidate",
      "      pipelines that differ only in parameter defaults become launch plans of one workflow",
      "  flyte-migrate convert pipeline.yaml -o out --project ml --domain development --force",
      "      set project and domain on every id and replace an existing out/",
      "  flyte-migrate convert pipeline.yaml -o out --image ghcr.io/acme/etl:1.4",
      "      run every Python task in that image instead of building one per ImageSpec"
    })
final class ConvertCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]+");

  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  private boolean help;

  @Parameters(paramLabel = "INPUT", arity = "1..*",
      description = "Pipeline files, or directories to search for them (recursively).")
  private List<String> inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "The directory to write; created if missing.")
  private String output;

  @Option(names = "--force", description = "Replace OUT if it exists and is not empty.")
  private boolean force;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Convert on N threads (default: the number of processors). The output does not depend on it.")
  private Integer jobs;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "Exit 1 when an input has diagnostics at this level or worse: warning, error or never"
          + " (default: ${DEFAULT-VALUE}).")
  private String failOn;

  @Option(names = "--strict",
      description = "Count a DROPPED element as a failure: its pipeline fails in junit.xml and the exit status is 1.")
  private boolean strict;

  @Option(names = "--consolidate",
      description = "Emit pipelines that differ only in parameter defaults as one workflow, with one launch plan"
          + " per variant (named after the variant's package, in the first variant's workflow module).")
  private boolean consolidate;

  @Option(names = "--project", paramLabel = "PROJECT",
      description = "The Flyte project of every id (default: left empty for `flytectl register -p`).")
  private String project;

  @Option(names = "--domain", paramLabel = "DOMAIN",
      description = "The Flyte domain of every id (default: left empty for `flytectl register -d`).")
  private String domain;

  @Option(names = "--version", paramLabel = "VERSION",
      description = "One version for every entity (default: a content hash per entity).")
  private String version;

  @Option(names = "--image", paramLabel = "IMAGE",
      description = "The image of every Python task (default: the image its ImageSpec builds).")
  private String image;

  @Option(names = "--python-components", paramLabel = "MODE", defaultValue = "native",
      description = "KFP lightweight Python components as native (@task with the function's source)"
          + " or container (the original command in a raw container) (default: ${DEFAULT-VALUE}).")
  private String pythonComponents;

  @Option(names = "--no-verify", description = "Do not read the package back and check it against the source.")
  private boolean noVerify;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      converter = LowercaseEnumConverter.ProgressMode.class,
      description = "Progress on stderr for several inputs: auto (a bar on a terminal, plain lines otherwise),"
          + " bar, plain or none (default: ${DEFAULT-VALUE}).")
  private Progress.Mode progressMode;

  @Option(names = "--diagnostics", paramLabel = "STYLE", defaultValue = "rich",
      converter = LowercaseEnumConverter.Diagnostics.class,
      description = "How to print diagnostics: rich, short or json (default: ${DEFAULT-VALUE}).")
  private DiagnosticsFormat diagnostics;

  private final List<PipelineReader> readers;

  /** The command with every reader in {@link Readers#all()}. */
  ConvertCommand() {
    this(Readers.all());
  }

  /** The command with given readers (first match wins). */
  ConvertCommand(List<PipelineReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /** What --fail-on names. */
  private enum FailOn {
    WARNING,
    ERROR,
    NEVER
  }

  @Override
  public Integer call() {
    LoweringOptions options = options();
    FailOn fail = failOn();
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1 || threads > 1024) {
      throw new ParameterException(spec.commandLine(), "--jobs must be between 1 and 1024: " + threads);
    }
    Path out;
    try {
      out = Path.of(output);
    } catch (InvalidPathException e) {
      throw new ParameterException(spec.commandLine(), "OUT is not a valid path: " + output);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    BatchInputs.Found found = BatchInputs.find(inputs, Path.of(""));
    boolean single = inputs.size() == 1 && found.inputs().size() == 1 && found.inputs().get(0).named();
    Progress progress = single ? Progress.NONE : Progress.of(progressMode, err, System.console() != null);
    BatchConversion.Settings settings = new BatchConversion.Settings(readers, options, threads, !noVerify,
        // Relative to OUT, so that the same batch gives the same reports whatever OUT is called.
        FlytePackage.FILE_NAME, consolidate);
    AtomicOutput staged = new AtomicOutput(out, force);
    Optional<AtomicOutput.WriteFailure> blocked = staged.precheck();
    if (blocked.isPresent()) {
      // Before any work: a batch of thousands of files should not convert only to be refused.
      List<Diagnostic> refused = new ArrayList<>(found.diagnostics());
      refused.add(notWritten(blocked.get()));
      err.print(diagnostics.render(refused, Map.of()));
      err.flush();
      return ExitCodes.INPUT_ERRORS;
    }
    BatchConversion.Result result = new BatchConversion(settings, progress).run(found.inputs(), staged);
    boolean oneUnit = single && result.units().size() == 1;

    List<InputResult> argumentProblems = new ArrayList<>();
    for (Diagnostic d : found.diagnostics()) {
      InputStatus status = d.isError() ? InputStatus.FAILED : InputStatus.SKIPPED;
      argumentProblems.add(new InputResult(d.span().file(), status, List.of(d), FlyteIds.NONE, Optional.empty()));
    }
    BatchResult batch = BatchOutputs.result(result, argumentProblems);
    List<Diagnostic> all = new ArrayList<>();
    batch.inputs().forEach(r -> all.addAll(r.diagnostics()));

    boolean anyConverted = result.units().stream().anyMatch(BatchConversion.Unit::converted);
    if (!(oneUnit && !anyConverted) && !(single && !found.diagnostics().isEmpty())) {
      BatchOutputs.write(result, batch, strict, options, out, staged);
      try {
        staged.commit();
        stdout.print(oneUnit ? oneLine(result, staged.count()) : table(result, batch));
      } catch (AtomicOutput.WriteFailure e) {
        all.add(notWritten(e));
      }
    } else {
      staged.abort();
    }
    stdout.flush();
    // Sources are read again, one at a time, for the excerpts of rich diagnostics only.
    Map<String, BatchConversion.Unit> byFile = new LinkedHashMap<>();
    for (BatchConversion.Unit u : result.units()) {
      if (!u.diagnostics.isEmpty()) {
        byFile.putIfAbsent(u.input.display(), u);
      }
    }
    Map<String, SourceFile> sources = new java.util.AbstractMap<>() {
      @Override
      public SourceFile get(Object file) {
        BatchConversion.Unit u = byFile.get(file);
        return u == null ? null : u.source().orElse(null);
      }

      @Override
      public java.util.Set<Map.Entry<String, SourceFile>> entrySet() {
        throw new UnsupportedOperationException("sources are only looked up");
      }
    };
    err.print(diagnostics.render(all, sources));
    err.flush();
    if (result.internalError()) {
      return ExitCodes.INTERNAL;
    }
    return failed(all, result, fail) ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
  }

  private Diagnostic notWritten(AtomicOutput.WriteFailure e) {
    return Diagnostic.of(Codes.OUTPUT_NOT_WRITTEN, Span.at(output, 0, 0), "cannot write `" + output + "`: " + e.getMessage())
        .withHelp("nothing was written; check the path and its permissions");
  }

  private boolean failed(List<Diagnostic> all, BatchConversion.Result result, FailOn fail) {
    if (all.stream().anyMatch(d -> d.code().equals(Codes.OUTPUT_NOT_WRITTEN))) {
      return true;
    }
    if (fail == FailOn.NEVER) {
      return false;
    }
    Severity level = fail == FailOn.WARNING ? Severity.WARNING : Severity.ERROR;
    if (all.stream().anyMatch(d -> atLeast(d.severity(), level))) {
      return true;
    }
    return strict && BatchConversion.parity(result.units(), Fidelity.DROPPED) > 0;
  }

  private static boolean atLeast(Severity s, Severity level) {
    return level == Severity.WARNING ? s == Severity.WARNING || s == Severity.ERROR : s == Severity.ERROR;
  }

  /** The summary of a batch of one pipeline: one line, as before batches existed. */
  private String oneLine(BatchConversion.Result r, int fileCount) {
    BatchConversion.Unit u = r.units().get(0);
    Map<Fidelity, Integer> counts = u.parity.counts();
    return String.format(Locale.ROOT,
        "wrote %d files to %s: %d tasks, %d workflows, %d launch plans; parity: %d exact, %d approximated, %d dropped%n",
        fileCount, output, u.ids.tasks().size(), u.ids.workflows().size(), u.ids.launchPlans().size(),
        counts.get(Fidelity.EXACT), counts.get(Fidelity.APPROXIMATED), counts.get(Fidelity.DROPPED));
  }

  /** The summary of a batch: a small table of inputs, diagnostics, Flyte entities and parity. */
  private String table(BatchConversion.Result r, BatchResult batch) {
    Map<InputStatus, Integer> byStatus = new LinkedHashMap<>();
    for (InputStatus s : InputStatus.values()) {
      byStatus.put(s, 0);
    }
    Map<Severity, Integer> bySeverity = new LinkedHashMap<>();
    for (Severity s : List.of(Severity.ERROR, Severity.WARNING, Severity.NOTE)) {
      bySeverity.put(s, 0);
    }
    for (InputResult in : batch.inputs()) {
      byStatus.merge(in.status(), 1, Integer::sum);
      in.diagnostics().forEach(d -> bySeverity.merge(d.severity(), 1, Integer::sum));
    }
    java.util.Set<String> tasks = new java.util.TreeSet<>();
    int workflows = 0;
    int plans = 0;
    for (BatchConversion.Unit u : r.units()) {
      if (u.converted() && u.variantOf == null) {
        tasks.addAll(u.ids.tasks());
        workflows += u.ids.workflows().size();
        plans += u.ids.launchPlans().size();
      }
    }
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-14s %8s%n", "inputs", batch.inputs().size()));
    byStatus.forEach((s, n) -> b.append(String.format(Locale.ROOT, "  %-12s %8d%n", s.label(), n)));
    b.append(String.format(Locale.ROOT, "%-14s %8s%n", "diagnostics", ""));
    bySeverity.forEach((s, n) -> b.append(String.format(Locale.ROOT, "  %-12s %8d%n", s.label(), n)));
    b.append(String.format(Locale.ROOT, "%-14s %8s%n", "flyte", ""));
    b.append(String.format(Locale.ROOT, "  %-12s %8d%n", "tasks", tasks.size()));
    b.append(String.format(Locale.ROOT, "  %-12s %8d%n", "shared tasks", r.merged().size()));
    b.append(String.format(Locale.ROOT, "  %-12s %8d%n", "workflows", workflows));
    b.append(String.format(Locale.ROOT, "  %-12s %8d%n", "launch plans", plans));
    b.append(String.format(Locale.ROOT, "%-14s %8s%n", "parity", ""));
    for (Fidelity f : Fidelity.values()) {
      b.append(String.format(Locale.ROOT, "  %-12s %8d%n", f.name().toLowerCase(Locale.ROOT),
          BatchConversion.parity(r.units(), f)));
    }
    b.append("wrote ").append(output).append(" (report.md, report.html, summary.json, junit.xml, diagnostics.sarif)")
        .append(System.lineSeparator());
    return b.toString();
  }

  private FailOn failOn() {
    return switch (failOn.strip().toLowerCase(Locale.ROOT)) {
      case "warning" -> FailOn.WARNING;
      case "error" -> FailOn.ERROR;
      case "never" -> FailOn.NEVER;
      default -> throw new ParameterException(spec.commandLine(),
          "--fail-on expects warning, error or never but was '" + failOn + "'");
    };
  }

  private LoweringOptions options() {
    if (project != null && !NAME.matcher(project).matches()) {
      throw new ParameterException(spec.commandLine(),
          "--project must be lower-case letters, digits and dashes, like a Flyte project id: " + project);
    }
    if (domain != null && !NAME.matcher(domain).matches()) {
      throw new ParameterException(spec.commandLine(),
          "--domain must be lower-case letters, digits and dashes, like a Flyte domain: " + domain);
    }
    if (version != null && !VERSION.matcher(version).matches()) {
      throw new ParameterException(spec.commandLine(),
          "--version may only hold letters, digits, `.`, `_` and `-`: " + version);
    }
    if (image != null && image.isBlank()) {
      throw new ParameterException(spec.commandLine(), "--image is empty; name an image or leave the option out");
    }
    LoweringOptions.PythonComponents mode = switch (pythonComponents.strip().toLowerCase(Locale.ROOT)) {
      case "native" -> LoweringOptions.PythonComponents.NATIVE;
      case "container" -> LoweringOptions.PythonComponents.CONTAINER;
      default -> throw new ParameterException(spec.commandLine(),
          "--python-components expects native or container but was '" + pythonComponents + "'");
    };
    if (inputs.stream().anyMatch(String::isBlank)) {
      throw new ParameterException(spec.commandLine(), "an INPUT is empty; name a pipeline file or directory");
    }
    return new LoweringOptions(Optional.ofNullable(project), Optional.ofNullable(domain), Optional.ofNullable(version),
        Optional.ofNullable(image), mode);
  }
}

package io.flytemigrate.cli;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.model.FlyteProject;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.verify.Verifier;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.Fidelity;
import io.flytemigrate.ir.spi.OutputFile;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.report.ParityJson;
import io.flytemigrate.report.ParityMarkdown;
import io.flytemigrate.report.PipelineReport;
import io.flytemigrate.validators.Validators;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code flyte-migrate convert}: reads one pipeline file, lowers it to Flyte once, and writes every
 * output (the flytekit project, and whatever other writers are registered) into OUT atomically.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Convert a pipeline file into a Flyte project.",
    descriptionHeading = "%n",
    description = {
      "Reads FILE, lowers the pipeline to Flyte once, and writes into OUT the flytekit project a"
          + " Flyte user would have written: a Python package with a shared tasks module and one"
          + " module per workflow. Beside it, flyte-package.tgz holds the same workflow as the"
          + " registrable protobuf package `pyflyte package --copy all` writes, for"
          + " `flytectl register files --archive`, and flyte-migrate.json records how it was made"
          + " (for `flyte-migrate verify OUT`); report.md and parity.json list every source element with"
          + " what it became: EXACT, APPROXIMATED or DROPPED, with the reason. Every task keeps its"
          + " source name as its node name."
          + " Entity versions are content hashes, so converting the same pipeline again gives the"
          + " same versions.",
      "",
      "Before anything is written, the validators check the pipeline as Flyte's compiler will,"
          + " and the package is read back and checked against the source"
          + " pipeline (every task, edge, binding type, branch, loop and default); --no-verify"
          + " skips the read-back.",
      "",
      "Everything is written at once: if anything fails, OUT is left as it was. Diagnostics go to"
          + " stderr; a file with errors writes nothing. What could not be translated exactly is"
          + " reported as a warning and counted in the summary on stdout."
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:OUT was written; warnings may have been printed",
      "1:the file has errors, or OUT could not be written (see the diagnostics on stderr)",
      "2:the command line is wrong",
      "3:flyte-migrate itself failed; please report it"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flyte-migrate convert pipeline.yaml -o out",
      "      write the flytekit project to out/",
      "  flyte-migrate convert pipeline.yaml -o out --project ml --domain development --force",
      "      set project and domain on every id and replace an existing out/",
      "  flyte-migrate convert pipeline.yaml -o out --image ghcr.io/acme/etl:1.4",
      "      run every Python task in that image instead of building one per ImageSpec"
    })
final class ConvertCommand implements Callable<Integer> {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]+");

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The pipeline file to convert.")
  private String file;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true,
      description = "The directory to write; created if missing.")
  private String output;

  @Option(names = "--force", description = "Replace OUT if it exists and is not empty.")
  private boolean force;

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

  @Option(names = "--diagnostics", paramLabel = "STYLE", defaultValue = "rich",
      converter = LowercaseEnumConverter.Diagnostics.class,
      description = "How to print diagnostics: rich, short or json (default: ${DEFAULT-VALUE}).")
  private DiagnosticsFormat diagnostics;

  /** One output of {@code convert}: the files it adds to OUT for a lowered pipeline. */
  @FunctionalInterface
  interface Writer {
    List<OutputFile> files(Lowered lowered, LoweringOptions options);
  }

  /** The flytekit project, at the root of OUT. */
  static final Writer FLYTEKIT_PROJECT = (lowered, options) -> FlytekitProjectWriter.write(lowered.project());

  private final List<PipelineReader> readers;
  private final List<Writer> writers;

  /**
   * The registrable package, with the flytekit project as its fast-register source, plus the
   * manifest {@code verify} reads. Entity versions are the model's content hashes (or --version),
   * so `flytectl register files` needs no --version and re-registering unchanged tasks is a no-op.
   */
  private Writer registrablePackage() {
    return (lowered, options) -> {
      List<OutputFile> projectFiles = FlytekitProjectWriter.write(lowered.project());
      FlytePackage pkg = FlytePackage.write(lowered.project(), projectFiles,
          PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL));
      String manifest = new ConvertManifest(file, FlytePackage.FILE_NAME, options).toJson();
      return List.of(new OutputFile(FlytePackage.FILE_NAME, pkg.bytes()),
          new OutputFile(ConvertManifest.FILE_NAME, manifest.getBytes(StandardCharsets.UTF_8)));
    };
  }

  /** The command with every reader in {@link Readers#all()}, the flytekit project and the package. */
  ConvertCommand() {
    this.readers = Readers.all();
    this.writers = List.of(FLYTEKIT_PROJECT, registrablePackage());
  }

  /**
   * The command with given readers (first match wins) and writers, whose files all go into OUT
   * in one atomic write; two writers must not write the same path.
   */
  ConvertCommand(List<PipelineReader> readers, List<Writer> writers) {
    this.readers = List.copyOf(readers);
    this.writers = List.copyOf(writers);
  }

  @Override
  public Integer call() {
    LoweringOptions options = options();
    Path out;
    try {
      out = Path.of(output);
    } catch (InvalidPathException e) {
      throw new ParameterException(spec.commandLine(), "OUT is not a valid path: " + output);
    }
    List<Diagnostic> found = new ArrayList<>();
    Outcome<SourceFile> loaded = InputFiles.read(file);
    found.addAll(loaded.diagnostics());
    Optional<SourceFile> source = loaded.hasErrors() ? Optional.empty() : loaded.value();
    Optional<Pipeline> pipeline = source.flatMap(s -> read(s, found));
    PrintWriter stdout = spec.commandLine().getOut();
    if (pipeline.isPresent() && found.stream().noneMatch(Diagnostic::isError)) {
      // Check first, the way Flyte's compiler will: a workflow Flyte would reject is not emitted.
      found.addAll(Validators.check(pipeline.get()));
    }
    if (pipeline.isPresent() && found.stream().noneMatch(Diagnostic::isError)) {
      Outcome<Lowered> lowered = FlyteLowering.lower(pipeline.get(), options);
      found.addAll(lowered.diagnostics());
      if (lowered.value().isPresent() && !lowered.hasErrors()) {
        write(out, pipeline.get(), lowered.value().get(), options, found).ifPresent(stdout::println);
      }
    }
    stdout.flush();
    Map<String, SourceFile> sources = source.map(s -> Map.of(s.path(), s)).orElse(Map.of());
    PrintWriter err = spec.commandLine().getErr();
    err.print(diagnostics.render(found, sources));
    err.flush();
    return found.stream().anyMatch(Diagnostic::isError) ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
  }

  /** Writes every output; the summary line, or empty with a diagnostic when writing failed. */
  private Optional<String> write(Path out, Pipeline pipeline, Lowered lowered, LoweringOptions options, List<Diagnostic> found) {
    List<OutputFile> files = new ArrayList<>();
    for (Writer w : writers) {
      files.addAll(w.files(lowered, options));
    }
    if (!noVerify && !verified(files, pipeline, lowered, found)) {
      return Optional.empty();
    }
    // The parity report: every source element, what it became, and why when not exact.
    files.add(new OutputFile("parity.json", ParityJson.write(lowered.parity()).getBytes(StandardCharsets.UTF_8)));
    files.add(new OutputFile("report.md",
        ParityMarkdown.write(PipelineReport.of(pipeline, lowered.parity()), found).getBytes(StandardCharsets.UTF_8)));
    try {
      AtomicOutput.write(out, files, force);
    } catch (AtomicOutput.WriteFailure e) {
      found.add(Diagnostic.of(Codes.OUTPUT_NOT_WRITTEN, Span.at(output, 0, 0),
              "cannot write `" + output + "`: " + e.getMessage())
          .withHelp("nothing was written; check the path and its permissions"));
      return Optional.empty();
    }
    FlyteProject p = lowered.project();
    Map<Fidelity, Integer> counts = lowered.parity().counts();
    return Optional.of(String.format(Locale.ROOT,
        "wrote %d files to %s: %d tasks, %d workflows, %d launch plans; parity: %d exact, %d approximated, %d dropped",
        files.size(), output, p.tasks().size(), p.workflows().size(), p.launchPlans().size(),
        counts.get(Fidelity.EXACT), counts.get(Fidelity.APPROXIMATED), counts.get(Fidelity.DROPPED)));
  }

  /** Reads the package back and checks it against the source pipeline; false if it fails. */
  private boolean verified(List<OutputFile> files, Pipeline pipeline, Lowered lowered, List<Diagnostic> found) {
    for (OutputFile f : files) {
      if (f.path().equals(FlytePackage.FILE_NAME)) {
        List<Diagnostic> findings = Verifier.verify(output + "/" + FlytePackage.FILE_NAME, f.content(),
            pipeline, Optional.of(lowered.parity()));
        found.addAll(findings);
        return Verifier.passed(findings);
      }
    }
    return true;
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
    if (file.isBlank()) {
      throw new ParameterException(spec.commandLine(), "FILE is empty; name a pipeline file");
    }
    return new LoweringOptions(Optional.ofNullable(project), Optional.ofNullable(domain), Optional.ofNullable(version),
        Optional.ofNullable(image), mode);
  }

  private Optional<Pipeline> read(SourceFile source, List<Diagnostic> found) {
    Optional<PipelineReader> reader = Readers.pick(readers, source);
    if (reader.isEmpty()) {
      found.add(Diagnostic.of(Codes.UNKNOWN_FORMAT, Span.at(source.path(), 1, 1),
              "`" + source.path() + "` is not in a format flyte-migrate can read")
          .withHelp("formats are recognised by content, not by file name; supported formats: "
              + Readers.formatNames(readers)));
      return Optional.empty();
    }
    Outcome<Pipeline> result = reader.get().read(source);
    found.addAll(result.diagnostics());
    return result.value();
  }
}

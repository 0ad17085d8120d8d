package io.flytemigrate.cli;

import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyteproto.pack.FlytePackage;
import io.flytemigrate.flyteproto.verify.Verifier;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.parity.ParityReport;
import io.flytemigrate.ir.spi.PipelineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

/**
 * {@code flyte-migrate verify}: re-reads a registrable package with the flyteidl classes and checks
 * it against the pipeline re-read from its source file, with nothing shared with the writers.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Check a registrable Flyte package against the pipeline it was translated from.",
    descriptionHeading = "%n",
    description = {
      "Reads the package the way `flytectl register files --archive` does (gunzip, untar, every"
          + " `.pb` file as the message its name says) and checks it against the source pipeline,"
          + " read again from its file: every source task must be a node named after it (or be"
          + " reported as dropped by the translation), every data and ordering edge must be wired,"
          + " bindings must pass the Flyte compiler's type rules, conditions, loops and exit"
          + " handlers must keep their structure, and the pipeline's parameters and defaults must"
          + " be in the default launch plan. The package's layout (numbering, order, fast tarball)"
          + " must be what `pyflyte package --copy all` writes.",
      "",
      "OUT is the output directory of `convert`, whose flyte-migrate.json names the source file"
          + " and the translation options, or a package file itself, in which case --source is"
          + " needed. `convert` runs these checks on its own output unless told not to.",
      "",
      "Findings go to stderr; a one-line summary goes to stdout."
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the package matches its source (notes may have been printed)",
      "1:the package does not match, or the package or source cannot be read",
      "2:the command line is wrong",
      "3:flyte-migrate itself failed; please report it"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flyte-migrate verify out/",
      "      verify what `flyte-migrate convert pipeline.yaml -o out` wrote",
      "  flyte-migrate verify flyte-package.tgz --source pipeline.yaml",
      "      verify a package file against a source file",
      "  flyte-migrate verify out/ --diagnostics short",
      "      one line per finding",
      "  flyte-migrate verify build/flyte --sources ~/repo",
      "      OUT moved away from its sources: open them under ~/repo, as the reports name them"
    })
final class VerifyCommand implements Callable<Integer> {
  /** The largest package accepted: 512 MiB, far beyond any real package. */
  static final long MAX_PACKAGE_BYTES = 512L * 1024 * 1024;

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "OUT",
      description = "The output directory of `convert`, or a package file (.tgz).")
  private String out;

  @Option(
      names = "--source",
      paramLabel = "FILE",
      description = "The source pipeline file; by default the one named in OUT/flyte-migrate.json.")
  private String source;

  @Option(
      names = "--sources",
      paramLabel = "DIR",
      description = "Open each source as DIR/INPUT, INPUT being the path the reports name it by (relative to"
          + " where convert ran); for an OUT moved away from its sources.")
  private String sourcesDir;

  @Option(
      names = "--diagnostics",
      paramLabel = "STYLE",
      defaultValue = "rich",
      converter = LowercaseEnumConverter.Diagnostics.class,
      description = "How to print findings: rich (with the source line), short (one line each)"
          + " or json (default: ${DEFAULT-VALUE}).")
  private DiagnosticsFormat diagnostics;

  private final List<PipelineReader> readers;

  /** The command with every reader in {@link Readers#all()}. */
  VerifyCommand() {
    this(Readers.all());
  }

  /** The command with a given reader list, first match wins. */
  VerifyCommand(List<PipelineReader> readers) {
    this.readers = List.copyOf(readers);
  }

  @Override
  public Integer call() {
    if (out.isBlank()) {
      throw new ParameterException(spec.commandLine(), "OUT is empty; name the output directory of convert or a package file");
    }
    DiagnosticSink found = new DiagnosticSink();
    Map<String, SourceFile> sources = new LinkedHashMap<>();
    String summary = run(found, sources);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(summary);
    stdout.flush();
    List<Diagnostic> all = found.sorted();
    PrintWriter err = spec.commandLine().getErr();
    err.print(diagnostics.render(all, sources));
    err.flush();
    return all.stream().anyMatch(Diagnostic::isError) ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
  }

  /** Does the work and returns the summary line. */
  private String run(DiagnosticSink found, Map<String, SourceFile> sources) {
    boolean isDirectory = isDirectory(out);
    String packagePath = out;
    LoweringOptions options = LoweringOptions.DEFAULT;
    String sourcePath = source;
    if (isDirectory) {
      Optional<ConvertManifest> manifest = Optional.empty();
      String manifestPath = join(out, ConvertManifest.FILE_NAME);
      if (isFile(manifestPath)) {
        Outcome<SourceFile> text = InputFiles.read(manifestPath);
        found.addAll(text.diagnostics());
        manifest = text.value().flatMap(t -> ConvertManifest.parse(manifestPath, t.text(), found));
      }
      packagePath = join(out, manifest.map(ConvertManifest::packageFile).orElse(FlytePackage.FILE_NAME));
      if (manifest.isPresent() && sourcePath == null && !manifest.get().pipelines().isEmpty()) {
        return batch(packagePath, manifestPath, manifest.get(), found, sources);
      }
      if (manifest.isPresent()) {
        options = manifest.get().options();
        if (sourcePath == null) {
          ConvertManifest m = manifest.get();
          sourcePath = m.locate(out, manifestPath, m.source(), m.input(), sourcesDir, found).orElse(null);
          if (sourcePath == null) {
            return "`" + packagePath + "` was not verified";
          }
        }
      }
      if (sourcePath == null && manifest.isEmpty() && !found.hasErrors()) {
        found.report(Codes.UNREADABLE_FILE, Span.at(manifestPath, 0, 0), "cannot read `" + manifestPath + "`: no such file",
            "pass the source pipeline with --source FILE");
      }
    } else if (sourcePath == null) {
      throw new ParameterException(spec.commandLine(), "OUT is a package file; name its source pipeline with --source FILE");
    }
    Optional<byte[]> pkg = readPackage(packagePath, found);
    if (sourcePath == null || pkg.isEmpty()) {
      return "`" + packagePath + "` was not verified";
    }
    Outcome<SourceFile> loaded = InputFiles.read(sourcePath);
    found.addAll(loaded.diagnostics());
    if (loaded.value().isEmpty()) {
      return "`" + packagePath + "` was not verified";
    }
    SourceFile src = loaded.value().get();
    sources.put(src.path(), src);
    Outcome<Pipeline> read = Readers.read(readers, src);
    found.addAll(read.diagnostics());
    if (read.diagnostics().stream().anyMatch(d -> d.code().equals(Codes.UNKNOWN_FORMAT))) {
      return "`" + packagePath + "` was not verified";
    }
    if (read.value().isEmpty() || read.hasErrors()) {
      return "`" + packagePath + "` was not verified: `" + src.path() + "` has errors";
    }
    Pipeline pipeline = read.value().get();
    // The translation's own account of what it left out; the verifier does not expect those elements.
    Optional<ParityReport> parity = FlyteLowering.lower(pipeline, options).value().map(Lowered::parity);
    List<Diagnostic> verified = Verifier.verify(packagePath, pkg.get(), pipeline, parity);
    found.addAll(verified);
    long errors = verified.stream().filter(Diagnostic::isError).count();
    return errors == 0
        ? "`" + packagePath + "` matches `" + src.path() + "`"
        : "`" + packagePath + "` does not match `" + src.path() + "`: " + errors + (errors == 1 ? " error" : " errors");
  }

  /** Verifies every pipeline a batch manifest lists against the one package of the batch. */
  private String batch(String packagePath, String manifestPath, ConvertManifest manifest, DiagnosticSink found,
      Map<String, SourceFile> sources) {
    Optional<byte[]> pkg = readPackage(packagePath, found);
    if (pkg.isEmpty()) {
      return "`" + packagePath + "` was not verified";
    }
    int matched = 0;
    int unlocated = 0;
    Map<String, List<Pipeline>> read = new LinkedHashMap<>();
    for (ConvertManifest.Entry e : manifest.pipelines()) {
      Optional<String> located = manifest.locate(out, manifestPath, e.source(), e.input(), sourcesDir, found);
      if (located.isEmpty()) {
        unlocated++;
        continue;
      }
      String path = located.get();
      List<Pipeline> pipelines = read.computeIfAbsent(path, p -> readAll(p, found, sources));
      Optional<Pipeline> pipeline = pipelines.stream().filter(p -> p.name().equals(e.pipeline())).findFirst();
      if (pipeline.isEmpty()) {
        found.report(Codes.UNREADABLE_FILE, Span.at(path, 1, 1), "`" + path + "` holds no pipeline `"
            + e.pipeline() + "` any more", "convert it again, or verify its package with --source");
        continue;
      }
      LoweringOptions options = manifest.options().withPythonPackage(e.pythonPackage());
      Optional<ParityReport> parity = FlyteLowering.lower(pipeline.get(), options).value().map(Lowered::parity);
      List<Diagnostic> verified = Verifier.verify(packagePath, pkg.get(), pipeline.get(), parity, Optional.of(e.workflow()));
      found.addAll(verified);
      if (Verifier.passed(verified)) {
        matched++;
      }
    }
    int total = manifest.pipelines().size();
    if (unlocated == total) {
      return "`" + packagePath + "` was not verified: `" + manifestPath + "` does not say where its sources are";
    }
    return matched == total
        ? "`" + packagePath + "` matches its " + total + " source pipelines"
        : "`" + packagePath + "` does not match " + (total - matched) + " of its " + total + " source pipelines";
  }

  /** The pipelines of a source file, or none with diagnostics. */
  private List<Pipeline> readAll(String path, DiagnosticSink found, Map<String, SourceFile> sources) {
    Outcome<SourceFile> loaded = InputFiles.read(path);
    found.addAll(loaded.diagnostics());
    if (loaded.value().isEmpty()) {
      return List.of();
    }
    SourceFile src = loaded.value().get();
    sources.put(src.path(), src);
    Outcome<List<Pipeline>> all = Readers.readAll(readers, src);
    found.addAll(all.diagnostics());
    return all.hasErrors() ? List.of() : all.value().orElse(List.of());
  }

  private static Optional<byte[]> readPackage(String path, DiagnosticSink found) {
    Path p;
    try {
      p = Path.of(path);
    } catch (InvalidPathException e) {
      found.report(Codes.UNREADABLE_FILE, Span.at(path, 0, 0), "cannot read `" + path + "`: not a valid path");
      return Optional.empty();
    }
    if (!Files.isRegularFile(p)) {
      found.report(Codes.UNREADABLE_FILE, Span.at(path, 0, 0), "cannot read `" + path + "`: no such file",
          "convert writes the package as OUT/" + FlytePackage.FILE_NAME);
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(p)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_PACKAGE_BYTES + 1));
      if (bytes.length > MAX_PACKAGE_BYTES) {
        found.report(Codes.FILE_TOO_LARGE, Span.at(path, 0, 0), "`" + path + "` is larger than the limit of "
            + MAX_PACKAGE_BYTES + " bytes (512 MiB)", "check that this is the right file");
        return Optional.empty();
      }
      return Optional.of(bytes);
    } catch (IOException e) {
      found.report(Codes.UNREADABLE_FILE, Span.at(path, 0, 0), "cannot read `" + path + "`: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().toLowerCase(java.util.Locale.ROOT)));
      return Optional.empty();
    }
  }

  private static boolean isDirectory(String path) {
    try {
      return Files.isDirectory(Path.of(path));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private static boolean isFile(String path) {
    try {
      return Files.isRegularFile(Path.of(path));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** {@code dir/name} as the user would write it, without doubling a trailing slash. */
  static String join(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }
}

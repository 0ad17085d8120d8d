package io.flytemigrate.cli;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.validators.Validators;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flyte-migrate check}: reads pipeline files and runs every validator on them, the way
 * Flyte's compiler will check the translated workflow, without writing anything.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    header = "Check pipeline files the way Flyte will, without converting them.",
    descriptionHeading = "%n",
    description = {
      "Reads each FILE (or every file below each DIR, in sorted order), recognises its format by"
          + " content, and checks the pipeline the way Flyte's compiler checks a workflow at"
          + " registration: dependency cycles, unbound inputs, types that do not cast, artifacts of"
          + " the wrong kind, dangling references, duplicate ids, and names that are invalid or"
          + " collide once renamed for Flyte and Python. Every finding points at the line and"
          + " column in your file, and its code explains it (`flyte-migrate explain CODE`).",
      "",
      "A file with reading errors is not validated further, so one mistake is reported once."
          + " Below a DIR, hidden files and files that are not a pipeline in a known format (not"
          + " text, or not recognised by any reader) are skipped and counted; a FILE named on the"
          + " command line is always reported on.",
      "",
      "Diagnostics go to stdout; a one-line summary goes to stderr.",
      "",
      "Supported formats, recognised by content: KFP v2 pipeline specs (YAML or JSON), KFP v1"
          + " component.yaml files and Argo workflows, Airflow DAG files (read, never run) and"
          + " serialized DAGs."
    },
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors were found (warnings may have been printed)",
      "1:errors were found, or warnings with --werror",
      "2:the command line is wrong",
      "3:flyte-migrate itself failed; please report it"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  flyte-migrate check pipeline.yaml",
      "      check one pipeline, with source excerpts",
      "  flyte-migrate check pipelines/ --format short",
      "      check every pipeline below a directory, one line per finding",
      "  flyte-migrate check pipelines/ --werror --format json > findings.json",
      "      fail on warnings too, and save the findings for a tool"
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "FILE|DIR",
      arity = "1..*",
      description = "Pipeline files, or directories to search for them; relative paths are relative to the"
          + " current directory.")
  private List<String> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "rich",
      converter = LowercaseEnumConverter.Diagnostics.class,
      description = "How to print diagnostics: rich (with the source line), short (one line each)"
          + " or json (default: ${DEFAULT-VALUE}).")
  private DiagnosticsFormat format;

  @Option(names = "--werror", description = "Exit 1 when there are warnings, not only when there are errors.")
  private boolean werror;

  private final List<PipelineReader> readers;

  /** The command with every reader in {@link Readers#all()}. */
  public CheckCommand() {
    this(Readers.all());
  }

  /** The command with a given reader list, first match wins. */
  CheckCommand(List<PipelineReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /**
   * What {@code check} reports for one decoded file: the reader's diagnostics, then, when the
   * reader found no error, the validators' findings. An unrecognised file is one {@code FM0004}.
   */
  public static List<Diagnostic> check(SourceFile source, List<PipelineReader> readers) {
    Outcome<Pipeline> read = Readers.read(readers, source);
    List<Diagnostic> found = new ArrayList<>(read.diagnostics());
    if (read.value().isPresent() && !read.hasErrors()) {
      found.addAll(Validators.check(read.value().get()));
    }
    return found;
  }

  @Override
  public Integer call() {
    Map<String, Boolean> files = new LinkedHashMap<>(); // display path -> named on the command line
    List<Diagnostic> found = new ArrayList<>();
    for (String p : paths) {
      if (p.isBlank()) {
        throw new ParameterException(spec.commandLine(), "a FILE|DIR argument is empty; name a file or a directory");
      }
      collect(p, files, found);
    }
    Map<String, SourceFile> sources = new LinkedHashMap<>();
    int skipped = 0;
    for (Map.Entry<String, Boolean> f : files.entrySet()) {
      boolean named = f.getValue();
      Outcome<SourceFile> loaded = InputFiles.read(f.getKey());
      if (loaded.hasErrors() || loaded.value().isEmpty()) {
        if (!named && notAPipeline(loaded.diagnostics())) {
          skipped++;
        } else {
          found.addAll(loaded.diagnostics());
        }
        continue;
      }
      SourceFile source = loaded.value().get();
      if (!named && Readers.pick(readers, source).isEmpty()) {
        skipped++;
        continue;
      }
      sources.put(source.path(), source);
      found.addAll(check(source, readers));
    }
    List<Diagnostic> unique = List.copyOf(new LinkedHashSet<>(found));
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.render(unique, sources));
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.println(summary(unique, files.size() - skipped, skipped));
    err.flush();
    boolean failed = unique.stream().anyMatch(d -> d.severity() == Severity.ERROR || werror && d.severity() == Severity.WARNING);
    return failed ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
  }

  /**
   * Adds {@code userPath} to {@code files}: itself when it is not a directory (reading it reports
   * what is wrong), else every regular file below it, sorted, hidden files and directories left
   * out. Display paths keep the user's spelling of the directory.
   */
  private static void collect(String userPath, Map<String, Boolean> files, List<Diagnostic> found) {
    Path root;
    try {
      root = Path.of(userPath);
    } catch (InvalidPathException e) {
      files.put(userPath, true);
      return;
    }
    if (!Files.isDirectory(root)) {
      files.put(userPath, true);
      return;
    }
    List<String> below = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(rel -> !hidden(rel))
          .map(rel -> rel.toString().replace('\\', '/'))
          .sorted()
          .forEach(below::add);
    } catch (IOException | UncheckedIOException e) {
      found.add(Diagnostic.of(Codes.UNREADABLE_FILE, Span.at(userPath, 0, 0),
              "cannot list the files below `" + userPath + "`: " + reason(e))
          .withHelp("check that the directory exists and is readable"));
    }
    String prefix = userPath.endsWith("/") ? userPath : userPath + "/";
    for (String rel : below) {
      files.putIfAbsent(prefix + rel, false);
    }
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    return cause.getClass().getSimpleName();
  }

  /** A file found below a directory that is too large or not text is not a pipeline. */
  private static boolean notAPipeline(List<Diagnostic> diagnostics) {
    Set<String> codes = Set.of(Codes.NOT_UTF8.id(), Codes.FILE_TOO_LARGE.id());
    return !diagnostics.isEmpty() && diagnostics.stream().allMatch(d -> codes.contains(d.code().id()));
  }

  /** {@code checked 3 files: 1 error, 2 warnings} plus the skipped files, if any. */
  static String summary(List<Diagnostic> diagnostics, int checked, int skipped) {
    long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    StringBuilder b = new StringBuilder("flyte-migrate: checked ").append(count(checked, "file")).append(": ");
    if (errors == 0 && warnings == 0) {
      b.append("no problems found");
    } else {
      b.append(count(errors, "error")).append(", ").append(count(warnings, "warning"));
    }
    if (skipped > 0) {
      b.append("; skipped ").append(count(skipped, "file")).append(" that no reader recognises");
    }
    return b.toString();
  }

  private static String count(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}

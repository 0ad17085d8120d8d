package io.flytemigrate.cli;

import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.JsonLoader;
import io.flytemigrate.std.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code flyte-migrate.json}, which {@code convert} writes into its output directory so that
 * {@code verify OUT} can find the source again and translate it the same way: the source file, the
 * package's file name and the lowering options that shaped the package.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "source": "../pipelines/coin_flip.yaml",
 *   "input": "pipelines/coin_flip.yaml",
 *   "sourceBase": "output",
 *   "package": "flyte-package.tgz",
 *   "options": {"project": null, "domain": null, "version": null, "image": null, "pythonComponents": "native"}
 * }
 * }</pre>
 *
 * <p>{@code source} is relative to the output directory, so the two can move together; {@code input}
 * is the path the reports show (relative to where {@code convert} ran). When OUT and the source
 * share no directory below the file system's root, a relative path would spell out the machine's
 * directories: {@code source} is then {@code null}, and {@code verify --sources DIR} opens
 * {@code DIR/input} instead.
 *
 * <p>A batch of several pipelines names no {@code source}; it lists every converted pipeline
 * instead, under {@code pipelines}: its input, source, pipeline name, Python package and workflow.
 *
 * @param source the source file, relative to the output directory (or, in manifests written before
 *     {@code sourceBase}, to the directory {@code convert} ran in); empty when not known or for a batch
 * @param input the source as the reports name it; empty in manifests written before it was recorded
 * @param packageFile the package's path relative to the output directory
 * @param pipelines the pipelines of a batch; empty for one pipeline
 * @param relativeToOutput whether source paths are relative to the output directory (they are in
 *     every manifest written now; older ones named them relative to where convert ran)
 */
record ConvertManifest(String source, String input, String packageFile, LoweringOptions options, List<Entry> pipelines,
    boolean relativeToOutput) {
  /**
   * One pipeline of a batch, and where its workflow is in the package.
   *
   * @param source relative to the output directory; empty when OUT and the source share no directory
   */
  record Entry(String input, String source, String pipeline, String pythonPackage, String workflow) {
    Entry {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(pythonPackage, "pythonPackage");
      Objects.requireNonNull(workflow, "workflow");
    }
  }

  static final String FILE_NAME = "flyte-migrate.json";
  /** The package's name when a manifest does not say ({@code FlytePackage.FILE_NAME}). */
  static final String DEFAULT_PACKAGE = "flyte-package.tgz";
  static final int VERSION = 1;
  /** The value of {@code sourceBase} when sources are relative to the output directory. */
  static final String SOURCE_BASE_OUTPUT = "output";

  ConvertManifest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(packageFile, "packageFile");
    Objects.requireNonNull(options, "options");
    pipelines = List.copyOf(pipelines);
  }

  /** The manifest of one pipeline. */
  ConvertManifest(String source, String input, String packageFile, LoweringOptions options) {
    this(source, input, packageFile, options, List.of(), true);
  }

  /** The manifest of a batch. */
  static ConvertManifest ofBatch(String packageFile, LoweringOptions options, List<Entry> pipelines) {
    return new ConvertManifest("", "", packageFile, options, pipelines, true);
  }

  /**
   * {@code source} relative to {@code out}, with forward slashes; empty when the two share no
   * directory below the root (or are on different roots), where the relative path would name the
   * machine's directories as surely as an absolute one.
   */
  static Optional<String> relativeToOutput(java.nio.file.Path out, java.nio.file.Path source) {
    java.nio.file.Path base = out.toAbsolutePath().normalize();
    java.nio.file.Path file = source.toAbsolutePath().normalize();
    if (base.getRoot() == null || !base.getRoot().equals(file.getRoot()) || base.getNameCount() == 0
        || file.getNameCount() == 0 || !base.getName(0).equals(file.getName(0))) {
      return Optional.empty();
    }
    return Optional.of(base.relativize(file).toString().replace('\\', '/'));
  }

  /**
   * Where to open a source of this manifest from the working directory: {@code sourcesDir/input}
   * when {@code verify} was given {@code --sources}, else the recorded source; empty, with an
   * {@code FM0001} at the manifest, when the manifest cannot say.
   */
  Optional<String> locate(String out, String manifestPath, String sourcePath, String inputPath, String sourcesDir,
      DiagnosticSink sink) {
    if (sourcesDir != null && !inputPath.isEmpty()) {
      return Optional.of(normalized(VerifyCommand.join(sourcesDir, inputPath)));
    }
    if (!sourcePath.isEmpty()) {
      return Optional.of(resolve(out, sourcePath));
    }
    String named = inputPath.isEmpty() ? "its source" : "`" + inputPath + "`";
    sink.report(Codes.UNREADABLE_FILE, Span.at(manifestPath, 0, 0), "`" + manifestPath + "` does not say where "
        + named + " is: the output directory and the source shared no directory when it was converted",
        inputPath.isEmpty() ? "pass the source pipeline with --source FILE"
            : "pass --sources DIR, the directory `" + inputPath + "` is named from (where convert ran)");
    return Optional.empty();
  }

  /** A source path of the manifest as it can be opened from the working directory. */
  String resolve(String out, String sourcePath) {
    if (!relativeToOutput || sourcePath.startsWith("/")) {
      return sourcePath;
    }
    return normalized(VerifyCommand.join(out, sourcePath));
  }

  private static String normalized(String joined) {
    try {
      return java.nio.file.Path.of(joined).normalize().toString().replace('\\', '/');
    } catch (java.nio.file.InvalidPathException e) {
      return joined;
    }
  }

  String toJson() {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("version").number(VERSION);
    if (pipelines.isEmpty()) {
      w.name("source").string(source.isEmpty() ? null : source);
      w.name("input").string(input.isEmpty() ? null : input);
    }
    w.name("package").string(packageFile);
    // Sources are named relative to OUT, so `verify OUT` finds them from any directory.
    w.name("sourceBase").string(SOURCE_BASE_OUTPUT);
    w.name("options").beginObject();
    w.name("project").string(options.project().orElse(null));
    w.name("domain").string(options.domain().orElse(null));
    w.name("version").string(options.version().orElse(null));
    w.name("image").string(options.image().orElse(null));
    w.name("pythonComponents").string(options.pythonComponents().name().toLowerCase(Locale.ROOT));
    w.endObject();
    if (!pipelines.isEmpty()) {
      w.name("pipelines").beginArray();
      for (Entry e : pipelines) {
        w.beginObject().name("input").string(e.input()).name("source").string(e.source().isEmpty() ? null : e.source())
            .name("pipeline").string(e.pipeline()).name("pythonPackage").string(e.pythonPackage())
            .name("workflow").string(e.workflow()).endObject();
      }
      w.endArray();
    }
    return w.endObject().toJson();
  }

  /** Reads a manifest; what is wrong with it is an {@code FM0001} about {@code path}. */
  static Optional<ConvertManifest> parse(String path, String text, DiagnosticSink sink) {
    DiagnosticSink json = new DiagnosticSink();
    Optional<DocNode> doc = new JsonLoader(path, json).load(text);
    if (doc.isEmpty() || json.hasErrors() || !(doc.get() instanceof DocNode.DocMap m)) {
      sink.report(Codes.UNREADABLE_FILE, Span.at(path, 0, 0), "cannot read `" + path + "`: it is not a flyte-migrate manifest",
          "convert writes it; pass the source with --source FILE instead");
      return Optional.empty();
    }
    Optional<String> source = string(m, "source");
    List<Entry> pipelines = new ArrayList<>();
    Optional<DocNode> listed = m.entry("pipelines").map(DocNode.Entry::value);
    if (listed.isPresent() && listed.get() instanceof DocNode.DocSeq seq) {
      for (DocNode item : seq.items()) {
        if (item instanceof DocNode.DocMap im && (string(im, "source").isPresent() || string(im, "input").isPresent())
            && string(im, "pipeline").isPresent() && string(im, "pythonPackage").isPresent()
            && string(im, "workflow").isPresent()) {
          pipelines.add(new Entry(string(im, "input").orElse(""), string(im, "source").orElse(""),
              string(im, "pipeline").get(), string(im, "pythonPackage").get(), string(im, "workflow").get()));
        }
      }
    }
    Optional<String> input = string(m, "input");
    if ((source.isEmpty() || source.get().isEmpty()) && input.isEmpty() && pipelines.isEmpty()) {
      sink.report(Codes.UNREADABLE_FILE, Span.at(path, 0, 0), "cannot read `" + path + "`: it names no `source`",
          "pass the source with --source FILE");
      return Optional.empty();
    }
    String pkg = string(m, "package").orElse(DEFAULT_PACKAGE);
    boolean relativeToOutput = string(m, "sourceBase").filter(SOURCE_BASE_OUTPUT::equals).isPresent();
    LoweringOptions options = LoweringOptions.DEFAULT;
    Optional<DocNode> o = m.entry("options").map(DocNode.Entry::value);
    if (o.isPresent() && o.get() instanceof DocNode.DocMap om) {
      LoweringOptions.PythonComponents pc = string(om, "pythonComponents")
          .filter(s -> s.equalsIgnoreCase("container"))
          .map(s -> LoweringOptions.PythonComponents.CONTAINER)
          .orElse(LoweringOptions.PythonComponents.NATIVE);
      options = new LoweringOptions(string(om, "project"), string(om, "domain"), string(om, "version"), string(om, "image"), pc);
    }
    return Optional.of(new ConvertManifest(source.orElse(""), input.orElse(""), pkg, options, pipelines, relativeToOutput));
  }

  private static Optional<String> string(DocNode.DocMap m, String key) {
    return m.entry(key).map(DocNode.Entry::value)
        .filter(v -> v instanceof DocNode.DocScalar s && s.kind() == DocNode.ScalarKind.STRING)
        .map(v -> ((DocNode.DocScalar) v).text());
  }
}

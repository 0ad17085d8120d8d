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
 * {@code verify OUT} can find the source again and translate it the same way: the source file as
 * the user named it, the package's file name and the lowering options that shaped the package.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "source": "../pipelines/coin_flip.yaml",
 *   "sourceBase": "output",
 *   "package": "flyte-package.tgz",
 *   "options": {"project": null, "domain": null, "version": null, "image": null, "pythonComponents": "native"}
 * }
 * }</pre>
 *
 * <p>A batch of several pipelines names no {@code source}; it lists every converted pipeline
 * instead, under {@code pipelines}: its input (the path the reports show), its source (relative to
 * the output directory), pipeline name, Python package and workflow.
 *
 * @param source the source file, relative to the output directory (or, in manifests written before
 *     {@code sourceBase}, to the directory {@code convert} ran in); empty for a batch
 * @param packageFile the package's path relative to the output directory
 * @param pipelines the pipelines of a batch; empty for one pipeline
 * @param relativeToOutput whether source paths are relative to the output directory (they are in
 *     every manifest written now; older ones named them relative to where convert ran)
 */
record ConvertManifest(String source, String packageFile, LoweringOptions options, List<Entry> pipelines,
    boolean relativeToOutput) {
  /** One pipeline of a batch, and where its workflow is in the package. */
  record Entry(String source, String pipeline, String pythonPackage, String workflow) {
    Entry {
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
    Objects.requireNonNull(packageFile, "packageFile");
    Objects.requireNonNull(options, "options");
    pipelines = List.copyOf(pipelines);
  }

  /** The manifest of one pipeline. */
  ConvertManifest(String source, String packageFile, LoweringOptions options) {
    this(source, packageFile, options, List.of(), true);
  }

  /** A source path of the manifest as it can be opened from the working directory. */
  String resolve(String out, String sourcePath) {
    if (!relativeToOutput || sourcePath.startsWith("/")) {
      return sourcePath;
    }
    String joined = VerifyCommand.join(out, sourcePath);
    try {
      return java.nio.file.Path.of(joined).normalize().toString().replace('\\', '/');
    } catch (java.nio.file.InvalidPathException e) {
      return joined;
    }
  }

  String toJson() {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("version").number(VERSION);
    w.name("source").string(source);
    // Sources are named relative to OUT, so `verify OUT` finds them from any directory.
    w.name("sourceBase").string(SOURCE_BASE_OUTPUT);
    w.name("package").string(packageFile);
    w.name("options").beginObject();
    w.name("project").string(options.project().orElse(null));
    w.name("domain").string(options.domain().orElse(null));
    w.name("version").string(options.version().orElse(null));
    w.name("image").string(options.image().orElse(null));
    w.name("pythonComponents").string(options.pythonComponents().name().toLowerCase(Locale.ROOT));
    w.endObject();
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
        if (item instanceof DocNode.DocMap im && string(im, "source").isPresent() && string(im, "pipeline").isPresent()
            && string(im, "pythonPackage").isPresent() && string(im, "workflow").isPresent()) {
          pipelines.add(new Entry(string(im, "source").get(), string(im, "pipeline").get(),
              string(im, "pythonPackage").get(), string(im, "workflow").get()));
        }
      }
    }
    if ((source.isEmpty() || source.get().isEmpty()) && pipelines.isEmpty()) {
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
    return Optional.of(new ConvertManifest(source.orElse(""), pkg, options, pipelines, relativeToOutput));
  }

  private static Optional<String> string(DocNode.DocMap m, String key) {
    return m.entry(key).map(DocNode.Entry::value)
        .filter(v -> v instanceof DocNode.DocScalar s && s.kind() == DocNode.ScalarKind.STRING)
        .map(v -> ((DocNode.DocScalar) v).text());
  }
}

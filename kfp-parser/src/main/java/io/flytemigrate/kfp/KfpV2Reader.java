package io.flytemigrate.kfp;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.ir.spi.PipelineReader;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.JsonLoader;
import io.flytemigrate.kfp.tree.YamlLoader;
import io.flytemigrate.kfp.v2.SpecReader;
import java.util.List;
import java.util.Optional;

/**
 * Reads a compiled KFP v2 PipelineSpec ("IR YAML", {@code schemaVersion: 2.x}) as YAML or JSON,
 * with the platform-spec document that may follow it in the same YAML stream. Never executes
 * anything, never throws on bad input.
 */
public final class KfpV2Reader implements PipelineReader {
  @Override
  public String format() {
    return "kfp-v2";
  }

  /** Recognises the spec by its top-level keys, looking at the text only. */
  @Override
  public boolean accepts(SourceFile source) {
    String t = source.text();
    boolean json = firstNonSpace(t) == '{';
    if (json) {
      return t.contains("\"pipelineInfo\"") || t.contains("\"schemaVersion\"") || t.contains("\"deploymentSpec\"");
    }
    return hasTopLevelKey(t, "pipelineInfo") || hasTopLevelKey(t, "schemaVersion") || hasTopLevelKey(t, "deploymentSpec")
        || hasTopLevelKey(t, "components_1") || isOnlyComments(t);
  }

  @Override
  public Outcome<Pipeline> read(SourceFile source) {
    DiagnosticSink sink = new DiagnosticSink();
    String text = source.text();
    if (text.startsWith("\uFEFF")) {
      // A byte-order mark is not content, and editors do not count it as a column.
      text = text.substring(1);
    }
    List<DocNode> documents;
    if (firstNonSpace(text) == '{') {
      documents = new JsonLoader(source.path(), sink).load(text).map(List::of).orElse(List.of());
    } else {
      documents = new YamlLoader(source.path(), sink).load(text);
    }
    if (documents.isEmpty()) {
      if (!sink.hasErrors()) {
        sink.report(Codes.NO_PIPELINE_SPEC, Span.at(source.path(), 1, 1),
            "the file holds no yaml document, only comments or white space",
            "compile the pipeline with the kfp sdk (`kfp dsl compile`) and convert the yaml it writes");
      }
      return Outcome.failed(sink.sorted());
    }
    Optional<DocNode> platform = documents.size() > 1 ? Optional.of(documents.get(1)) : Optional.empty();
    for (int i = 2; i < documents.size(); i++) {
      sink.report(Codes.EXTRA_DOCUMENT, documents.get(i).span(), "a third yaml document is ignored; a pipeline file holds the spec and an optional platform spec");
    }
    if (platform.isPresent() && !isPlatformSpec(platform.get())) {
      sink.report(Codes.EXTRA_DOCUMENT, platform.get().span(), "the second yaml document is not a platform spec and is ignored",
          "a pipeline file holds one pipeline spec, optionally followed by a document with `platforms`");
      platform = Optional.empty();
    }
    Optional<Pipeline> pipeline = new SpecReader(source, sink).read(documents.get(0), platform);
    return new Outcome<>(pipeline, sink.sorted());
  }

  private static boolean isPlatformSpec(DocNode doc) {
    return doc instanceof DocNode.DocMap m && m.entry("platforms").isPresent();
  }

  private static char firstNonSpace(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c;
      }
    }
    return 0;
  }

  private static boolean hasTopLevelKey(String text, String key) {
    return text.startsWith(key + ":") || text.contains("\n" + key + ":");
  }

  private static boolean isOnlyComments(String text) {
    for (String line : text.split("\n", -1)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#") && !l.equals("---") && !l.equals("...")) {
        return false;
      }
    }
    return text.contains("# PIPELINE DEFINITION") || text.isBlank();
  }
}

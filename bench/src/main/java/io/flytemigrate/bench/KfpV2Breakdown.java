package io.flytemigrate.bench;

import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.YamlLoader;
import io.flytemigrate.kfp.v2.SpecReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times the inside of the KFP v2 reader step by step, with the reader's own public pieces in the
 * order {@code KfpV2Reader.read} calls them: SnakeYAML composing the text, {@link YamlLoader}
 * turning nodes into spanned {@link DocNode}s, {@link SpecReader} mapping the spec to the IR, and
 * sorting the diagnostics. A pass that grows faster than the input shows up here by name.
 */
public final class KfpV2Breakdown {
  private KfpV2Breakdown() {}

  /** Nanoseconds per step for one YAML spec (the JSON path differs only in its loader). */
  public static Map<String, Long> measure(String path, String yaml) {
    long t0 = System.nanoTime();
    Floor.snakeYamlNodes(yaml);
    long t1 = System.nanoTime();
    DiagnosticSink sink = new DiagnosticSink();
    List<DocNode> docs = new YamlLoader(path, sink).load(yaml);
    long t2 = System.nanoTime();
    if (!docs.isEmpty()) {
      Optional<DocNode> platform = docs.size() > 1 ? Optional.of(docs.get(1)) : Optional.empty();
      new SpecReader(new SourceFile(path, yaml), sink).read(docs.get(0), platform);
    }
    long t3 = System.nanoTime();
    sink.sorted();
    long t4 = System.nanoTime();
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("snakeyaml-compose", t1 - t0);
    // The loader composes again and then converts: what it adds over composing is the conversion.
    out.put("docnode-convert", Math.max(0, (t2 - t1) - (t1 - t0)));
    out.put("spec-map", t3 - t2);
    out.put("diagnostics-sort", t4 - t3);
    return out;
  }
}

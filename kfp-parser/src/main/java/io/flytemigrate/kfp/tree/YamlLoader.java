package io.flytemigrate.kfp.tree;

import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import io.flytemigrate.kfp.tree.DocNode.ScalarKind;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Loads a YAML stream (YAML 1.1, as PyYAML writes it) into {@link DocNode}s. It only composes
 * nodes, never constructs objects, so no tag can instantiate anything; aliases, depth, size and
 * expanded node count are bounded. Problems become diagnostics; it never throws on bad input.
 */
public final class YamlLoader {
  private final String file;
  private final DiagnosticSink sink;
  private int nodes;

  public YamlLoader(String file, DiagnosticSink sink) {
    this.file = file;
    this.sink = sink;
  }

  /** The documents of the stream, or as many as could be read before an error. */
  public List<DocNode> load(String text) {
    int longest = longestLine(text);
    if (longest > 0) {
      sink.report(Codes.LIMIT_EXCEEDED, Span.at(file, longest, 1),
          "the yaml has a line longer than " + Limits.MAX_LINE + " characters",
          "compiled pipeline specs never need this; check that the file is what you meant to convert");
      return List.of();
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
    // SnakeYAML's own limit is only a backstop (its error has no position); the converter below
    // enforces MAX_DEPTH and reports where the document gets too deep.
    options.setNestingDepthLimit(Limits.MAX_DEPTH * 10);
    options.setCodePointLimit(Limits.MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    // Only nodes are composed, never objects, so a tag such as !!python/object cannot instantiate
    // anything; accept every tag and read the node as plain data.
    options.setTagInspector(tag -> true);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    List<DocNode> documents = new ArrayList<>();
    try {
      for (Node node : yaml.composeAll(new StringReader(text))) {
        DocNode converted = convert(node, 0, new IdentityHashMap<>());
        if (converted == null) {
          return documents;
        }
        documents.add(converted);
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : "malformed yaml";
      String context = e.getContext() != null ? " (" + oneLine(e.getContext()) + ")" : "";
      if (isLimit(problem)) {
        reportLimit(problem, span(mark));
      } else {
        sink.report(Codes.SYNTAX, span(mark), "invalid yaml: " + oneLine(problem) + context,
            "fix the yaml syntax at this position; the file must be a compiled pipeline spec");
      }
    } catch (YAMLException e) {
      String msg = e.getMessage() == null ? "malformed yaml" : e.getMessage();
      if (isLimit(msg)) {
        reportLimit(msg, Span.at(file, 1, 1));
      } else {
        sink.report(Codes.SYNTAX, Span.at(file, 1, 1), "invalid yaml: " + oneLine(msg));
      }
    } catch (IllegalArgumentException e) {
      // SnakeYAML checks some tokens with an IllegalArgumentException rather than a YAMLException
      // (a tag such as `!%2`; a unicode escape cut short, as a NumberFormatException of the JDK's
      // parseInt); one thrown from this class's own code is a bug here, and not caught.
      if (!thrownBySnakeYaml(e)) {
        throw e;
      }
      String msg = e.getMessage() == null ? "malformed yaml" : e.getMessage();
      sink.report(Codes.SYNTAX, Span.at(file, 1, 1), "invalid yaml: " + oneLine(msg),
          "fix the yaml syntax; the file must be a compiled pipeline spec");
    } catch (StackOverflowError e) {
      reportLimit("Nesting Depth exceeded", Span.at(file, 1, 1));
    }
    return documents;
  }

  /** Whether SnakeYAML is nearer to the throw than any code of this project (JDK frames aside). */
  private static boolean thrownBySnakeYaml(RuntimeException e) {
    for (StackTraceElement frame : e.getStackTrace()) {
      if (frame.getClassName().startsWith("org.yaml.snakeyaml.")) {
        return true;
      }
      if (frame.getClassName().startsWith("io.flytemigrate.")) {
        return false;
      }
    }
    return false;
  }

  /** The 1-based number of the first line longer than the limit, or 0. Long tokens are slow to scan. */
  private static int longestLine(String text) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > Limits.MAX_LINE) {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 0;
  }

  private static boolean isLimit(String message) {
    String m = message.toLowerCase(java.util.Locale.ROOT);
    return m.contains("aliases") || m.contains("nesting depth") || m.contains("exceeds the limit");
  }

  private void reportLimit(String message, Span at) {
    String m = message.toLowerCase(java.util.Locale.ROOT);
    String what;
    if (m.contains("aliases")) {
      what = "more than " + Limits.MAX_ALIASES + " aliases to collections (a yaml alias bomb?)";
    } else if (m.contains("nesting depth")) {
      what = "nesting deeper than " + Limits.MAX_DEPTH + " levels";
    } else {
      what = "a document larger than " + Limits.MAX_CODE_POINTS + " characters";
    }
    sink.report(Codes.LIMIT_EXCEEDED, at, "the yaml has " + what,
        "compiled pipeline specs never need this; check that the file is what you meant to convert");
  }

  private DocNode convert(Node node, int depth, IdentityHashMap<Node, Boolean> active) {
    if (++nodes > Limits.MAX_NODES) {
      sink.report(Codes.LIMIT_EXCEEDED, span(node.getStartMark()),
          "the yaml expands to more than " + Limits.MAX_NODES + " nodes through aliases",
          "compiled pipeline specs never need this; check that the file is what you meant to convert");
      return null;
    }
    if (depth > Limits.MAX_DEPTH || active.containsKey(node)) {
      reportLimit(active.containsKey(node) ? "aliases" : "nesting depth", span(node.getStartMark()));
      return null;
    }
    Span span = span(node.getStartMark(), node.getEndMark());
    if (node instanceof ScalarNode s) {
      return new DocScalar(s.getValue(), kind(s), span);
    }
    active.put(node, Boolean.TRUE);
    try {
      if (node instanceof SequenceNode seq) {
        List<DocNode> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          DocNode c = convert(item, depth + 1, active);
          if (c == null) {
            return null;
          }
          items.add(c);
        }
        return new DocSeq(items, span);
      }
      if (node instanceof MappingNode map) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Span> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
          Node keyNode = t.getKeyNode();
          Span keySpan = span(keyNode.getStartMark(), keyNode.getEndMark());
          String key;
          if (keyNode instanceof ScalarNode ks) {
            key = ks.getValue();
          } else {
            sink.report(Codes.WRONG_SHAPE, keySpan, "a mapping key must be a plain string, found a " + describe(keyNode));
            continue;
          }
          if (key.equals("<<") && keyNode.getTag().equals(Tag.MERGE)) {
            sink.report(Codes.WRONG_SHAPE, keySpan, "yaml merge keys (`<<`) are not used in pipeline specs and are ignored");
            continue;
          }
          DocNode value = convert(t.getValueNode(), depth + 1, active);
          if (value == null) {
            return null;
          }
          Span first = seen.putIfAbsent(key, keySpan);
          if (first != null) {
            sink.report(io.flytemigrate.ir.diag.Diagnostic.of(Codes.DUPLICATE_KEY, keySpan, "key `" + key + "` appears twice in this mapping")
                .withLabel(first, "first defined here")
                .withHelp("remove one of them; yaml loaders disagree on which one wins"));
            continue;
          }
          entries.add(new Entry(key, keySpan, value));
        }
        return new DocMap(entries, span);
      }
    } finally {
      active.remove(node);
    }
    return new DocScalar("", ScalarKind.NULL, span);
  }

  private static String describe(Node n) {
    return n instanceof MappingNode ? "mapping" : n instanceof SequenceNode ? "sequence" : "scalar";
  }

  private static ScalarKind kind(ScalarNode s) {
    Tag tag = s.getTag();
    if (tag.equals(Tag.INT)) {
      return ScalarKind.INT;
    }
    if (tag.equals(Tag.FLOAT)) {
      // YAML 1.1 as PyYAML resolves it needs a dot (1.0e+3), unlike SnakeYAML's resolver (1e3).
      return s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN && !YamlNumbers.isPyYamlFloat(s.getValue())
          ? ScalarKind.STRING : ScalarKind.FLOAT;
    }
    if (tag.equals(Tag.BOOL)) {
      return ScalarKind.BOOL;
    }
    if (tag.equals(Tag.NULL)) {
      return ScalarKind.NULL;
    }
    return ScalarKind.STRING;
  }

  private Span span(Mark mark) {
    if (mark == null) {
      return Span.at(file, 1, 1);
    }
    return Span.at(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private Span span(Mark start, Mark end) {
    if (start == null) {
      return Span.at(file, 1, 1);
    }
    int line = start.getLine() + 1;
    int col = start.getColumn() + 1;
    if (end == null) {
      return Span.at(file, line, col);
    }
    int endLine = end.getLine() + 1;
    int endCol = end.getColumn() + 1;
    if (endLine < line || (endLine == line && endCol < col)) {
      return Span.at(file, line, col);
    }
    return new Span(file, line, col, endLine, endCol);
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ').trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[.]+$", "");
  }
}

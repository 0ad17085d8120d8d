package io.flytemigrate.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.kfp.tree.Limits;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.ToLongFunction;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;
import org.treesitter.TreeSitterPython;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The floor: the same inputs only read from disk and parsed by the library underneath the
 * reader (SnakeYAML composing nodes, Jackson streaming tokens, tree-sitter parsing Python and
 * visiting every node of the tree), with nothing mapped, checked or printed. No conversion can be faster than this, so the end-to-end path is judged against it.
 *
 * <p>The parser is picked as the readers pick, by the file's name and content: {@link #PARSERS}
 * lists them, and a format whose reader lands adds its parser there.
 */
public final class Floor {
  /**
   * A library parse of one text: its name, when it applies (to the file's path and text), and
   * what it counts (nodes, tokens).
   */
  public record Parser(String name, BiPredicate<String, String> applies, ToLongFunction<String> parse) {}

  /** The parsers, first match wins; SnakeYAML last because every text is a YAML candidate. */
  public static final List<Parser> PARSERS = List.of(
      new Parser("tree-sitter", (path, text) -> path.toLowerCase(Locale.ROOT).endsWith(".py"), Floor::treeSitterNodes),
      new Parser("jackson", (path, text) -> looksLikeJson(text), Floor::jacksonTokens),
      new Parser("snakeyaml", (path, text) -> true, Floor::snakeYamlNodes));

  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(Limits.MAX_DEPTH)
          .maxStringLength(Limits.MAX_CODE_POINTS)
          .maxDocumentLength(Limits.MAX_CODE_POINTS)
          .build())
      .build();

  private Floor() {}

  /** The floor's stages for a file on disk: read and decode without checks, then parse. */
  public static List<Stage> fromFile() {
    return List.of(new Stage("load-raw", Floor::loadRaw), new Stage("parse", Floor::parse));
  }

  /** The floor's stages for bytes in memory. */
  public static List<Stage> inMemory() {
    return List.of(new Stage("decode-raw", w -> w.withSource(Optional.of(
        new SourceFile(w.path(), new String(w.bytes(), StandardCharsets.UTF_8))), List.of())),
        new Stage("parse", Floor::parse));
  }

  private static Work loadRaw(Work w) {
    try {
      String text = new String(Files.readAllBytes(Path.of(w.path())), StandardCharsets.UTF_8);
      return w.withSource(Optional.of(new SourceFile(w.path(), text)), List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Work parse(Work w) {
    String text = w.source().map(SourceFile::text).orElse("");
    for (Parser p : PARSERS) {
      if (p.applies().test(w.path(), text)) {
        return w.plusProduced(p.parse().applyAsLong(text));
      }
    }
    return w;
  }

  static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{';
      }
    }
    return false;
  }

  /** Every token of a JSON text; the floor of the JSON path. */
  static long jacksonTokens(String text) {
    long tokens = 0;
    try (JsonParser p = JSON.createParser(text)) {
      while (p.nextToken() != null) {
        tokens++;
      }
    } catch (IOException e) {
      return -1;
    }
    return tokens;
  }

  /**
   * Every node of the tree tree-sitter parses from a Python text, visited with a cursor (the
   * Airflow reader's own parse copies the same tree into Java objects); the floor of the Python
   * path. tree-sitter recovers from syntax errors, so every text gives a tree.
   */
  static long treeSitterNodes(String text) {
    TSParser parser = new TSParser();
    try {
      parser.setLanguage(new TreeSitterPython());
      TSTree tree = parser.parseStringEncoding(null, text, TSInputEncoding.TSInputEncodingUTF8);
      try (TSTreeCursor cursor = new TSTreeCursor(tree.getRootNode())) {
        long nodes = 1;
        while (true) {
          if (cursor.gotoFirstChild() || cursor.gotoNextSibling()) {
            nodes++;
            continue;
          }
          boolean next = false;
          while (cursor.gotoParent()) {
            if (cursor.gotoNextSibling()) {
              next = true;
              break;
            }
          }
          if (!next) {
            return nodes;
          }
          nodes++;
        }
      } finally {
        tree.close();
      }
    } finally {
      parser.close();
    }
  }

  /** Every node of every document of a YAML stream, composed with the reader's own options. */
  static long snakeYamlNodes(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
    options.setNestingDepthLimit(Limits.MAX_DEPTH * 10);
    options.setCodePointLimit(Limits.MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    DumperOptions dumper = new DumperOptions();
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
    long nodes = 0;
    try {
      for (Node n : yaml.composeAll(new StringReader(text))) {
        nodes += count(n);
      }
    } catch (YAMLException e) {
      return -1;
    }
    return nodes;
  }

  private static long count(Node n) {
    if (n instanceof MappingNode m) {
      long c = 1;
      for (NodeTuple t : m.getValue()) {
        c += count(t.getKeyNode()) + count(t.getValueNode());
      }
      return c;
    }
    if (n instanceof SequenceNode s) {
      long c = 1;
      for (Node item : s.getValue()) {
        c += count(item);
      }
      return c;
    }
    return 1;
  }
}

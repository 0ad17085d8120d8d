package io.flytemigrate.kfp.tree;

import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Codes;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the fields of one mapping that remembers which fields were read. {@link #done}
 * reports every field nobody read as an unknown field, so nothing in the input is lost silently.
 * Wrong shapes become diagnostics and read as absent.
 */
public final class Fields {
  private final DocMap map;
  private final String where;
  private final DiagnosticSink sink;
  private final Set<String> consumed = new LinkedHashSet<>();

  /**
   * @param where what the mapping is, for messages (e.g. {@code task `train`})
   */
  public Fields(DocMap map, String where, DiagnosticSink sink) {
    this.map = map;
    this.where = where;
    this.sink = sink;
  }

  /** Wraps a node that must be a mapping; reports and returns empty otherwise. */
  public static Optional<Fields> of(DocNode node, String where, DiagnosticSink sink) {
    if (node instanceof DocMap m) {
      return Optional.of(new Fields(m, where, sink));
    }
    sink.report(Codes.WRONG_SHAPE, node.span(), where + " must be a mapping, found a " + node.describe());
    return Optional.empty();
  }

  public Span span() {
    return map.span();
  }

  public String where() {
    return where;
  }

  public DiagnosticSink sink() {
    return sink;
  }

  public boolean has(String key) {
    return map.entry(key).isPresent();
  }

  /** The raw node of a field, marking it read. */
  public Optional<DocNode> node(String key) {
    Optional<Entry> e = map.entry(key);
    e.ifPresent(x -> consumed.add(key));
    return e.map(Entry::value);
  }

  /** The span of a field's key, or of the mapping when absent. */
  public Span keySpan(String key) {
    return map.entry(key).map(Entry::keySpan).orElse(map.span());
  }

  /** The span of a field's value, or of the mapping when absent. */
  public Span valueSpan(String key) {
    return map.entry(key).map(e -> e.value().span()).orElse(map.span());
  }

  public Optional<String> string(String key) {
    return node(key).flatMap(n -> scalarText(n, key));
  }

  /** A required string; reports a missing field. */
  public Optional<String> requireString(String key) {
    if (!has(key)) {
      missing(key);
      return Optional.empty();
    }
    return string(key);
  }

  public Optional<Boolean> bool(String key) {
    return node(key).flatMap(n -> {
      if (n instanceof DocScalar s && s.kind() == DocNode.ScalarKind.BOOL) {
        return Optional.of(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT))
            || s.text().equalsIgnoreCase("yes") || s.text().equalsIgnoreCase("on"));
      }
      if (n instanceof DocScalar s && s.kind() == DocNode.ScalarKind.STRING
          && (s.text().equals("true") || s.text().equals("false"))) {
        return Optional.of(Boolean.parseBoolean(s.text()));
      }
      wrong(key, n, "a boolean");
      return Optional.empty();
    });
  }

  /** An integer, also accepted as a quoted string of digits (protobuf JSON writes int64 so). */
  public Optional<Long> integer(String key) {
    return node(key).flatMap(n -> {
      if (n instanceof DocScalar s && (s.kind() == DocNode.ScalarKind.INT || s.kind() == DocNode.ScalarKind.STRING)) {
        try {
          return Optional.of(Long.parseLong(s.text().trim().replace("_", "")));
        } catch (NumberFormatException e) {
          // fall through to the report
        }
      }
      if (n instanceof DocScalar s && s.kind() == DocNode.ScalarKind.FLOAT) {
        try {
          double d = Double.parseDouble(s.text());
          if (d == Math.rint(d)) {
            return Optional.of((long) d);
          }
        } catch (NumberFormatException e) {
          // fall through
        }
      }
      wrong(key, n, "an integer");
      return Optional.empty();
    });
  }

  public Optional<Double> number(String key) {
    return node(key).flatMap(n -> {
      if (n instanceof DocScalar s && s.kind() != DocNode.ScalarKind.BOOL && s.kind() != DocNode.ScalarKind.NULL) {
        try {
          return Optional.of(Double.parseDouble(s.text().trim()));
        } catch (NumberFormatException e) {
          // fall through
        }
      }
      wrong(key, n, "a number");
      return Optional.empty();
    });
  }

  public Optional<Fields> map(String key) {
    return node(key).flatMap(n -> {
      if (n instanceof DocMap m) {
        return Optional.of(new Fields(m, "`" + key + "` of " + where, sink));
      }
      if (n instanceof DocScalar s && s.kind() == DocNode.ScalarKind.NULL) {
        return Optional.empty();
      }
      wrong(key, n, "a mapping");
      return Optional.empty();
    });
  }

  public List<DocNode> seq(String key) {
    return node(key).map(n -> {
      if (n instanceof DocSeq s) {
        return s.items();
      }
      if (n instanceof DocScalar s && s.kind() == DocNode.ScalarKind.NULL) {
        return List.<DocNode>of();
      }
      wrong(key, n, "a list");
      return List.<DocNode>of();
    }).orElse(List.of());
  }

  /** The entries of a field used as a dictionary (keys are names, not field names). */
  public List<Entry> entries(String key) {
    return node(key).map(n -> {
      if (n instanceof DocMap m) {
        return m.entries();
      }
      if (n instanceof DocScalar s && s.kind() == DocNode.ScalarKind.NULL) {
        return List.<Entry>of();
      }
      wrong(key, n, "a mapping");
      return List.<Entry>of();
    }).orElse(List.of());
  }

  /** A list of strings; non-string items are reported and skipped. */
  public List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (DocNode n : seq(key)) {
      scalarText(n, key).ifPresent(out::add);
    }
    return out;
  }

  /** A field's value as a literal {@link Value}. */
  public Optional<Value> value(String key) {
    return node(key).map(Fields::toValue);
  }

  /** Marks fields as read without using them (their content is covered elsewhere). */
  public void ignore(String... keys) {
    for (String k : keys) {
      if (has(k)) {
        consumed.add(k);
      }
    }
  }

  /** Reports every field that was not read as an unknown field. Call once, after reading. */
  public void done() {
    for (Entry e : map.entries()) {
      if (!consumed.contains(e.key())) {
        sink.report(Diagnostic.of(Codes.UNKNOWN_FIELD, e.keySpan(), "unknown field `" + e.key() + "` in " + where + " is ignored")
            .withHelp("if this field matters, the result will differ from the source; see the parity report"));
      }
    }
  }

  public void missing(String key) {
    sink.report(Codes.MISSING_FIELD, map.span(), where + " has no `" + key + "` field");
  }

  private Optional<String> scalarText(DocNode n, String key) {
    if (n instanceof DocScalar s && s.kind() != DocNode.ScalarKind.NULL) {
      return Optional.of(s.text());
    }
    wrong(key, n, "a string");
    return Optional.empty();
  }

  private void wrong(String key, DocNode n, String expected) {
    sink.report(Codes.WRONG_SHAPE, n.span(), "`" + key + "` of " + where + " must be " + expected + ", found a " + n.describe());
  }

  /** Converts any document node to a literal value, keeping scalars' YAML kinds. */
  public static Value toValue(DocNode n) {
    if (n instanceof DocScalar s) {
      switch (s.kind()) {
        case NULL:
          return new Value.Null();
        case BOOL:
          return new Value.Bool(Boolean.parseBoolean(s.text().toLowerCase(java.util.Locale.ROOT))
              || s.text().equalsIgnoreCase("yes") || s.text().equalsIgnoreCase("on"));
        case INT:
          return YamlNumbers.parseInt(s.text()).<Value>map(Value.Int::new).orElse(new Value.Str(s.text()));
        case FLOAT:
          try {
            return new Value.Float(Double.parseDouble(s.text().replace("_", "")));
          } catch (NumberFormatException e) {
            String t = s.text().toLowerCase(java.util.Locale.ROOT);
            if (t.endsWith(".inf")) {
              return new Value.Float(t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            if (t.equals(".nan")) {
              return new Value.Float(Double.NaN);
            }
            return new Value.Str(s.text());
          }
        default:
          return new Value.Str(s.text());
      }
    }
    if (n instanceof DocSeq seq) {
      List<Value> items = new ArrayList<>();
      for (DocNode i : seq.items()) {
        items.add(toValue(i));
      }
      return new Value.ListValue(items);
    }
    DocMap m = (DocMap) n;
    List<Value.Entry> entries = new ArrayList<>();
    for (Entry e : m.entries()) {
      entries.add(new Value.Entry(e.key(), toValue(e.value())));
    }
    return new Value.MapValue(entries);
  }
}

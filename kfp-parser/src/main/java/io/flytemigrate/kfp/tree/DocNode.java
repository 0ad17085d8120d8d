package io.flytemigrate.kfp.tree;

import io.flytemigrate.ir.diag.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A node of a loaded YAML or JSON document. */
public sealed interface DocNode {
  Span span();

  /** A short word for messages: {@code mapping}, {@code sequence}, {@code string}, ... */
  String describe();

  /** The kind of a scalar, as YAML 1.1 resolves it (quoted scalars are always strings). */
  enum ScalarKind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /**
   * A mapping; entries keep document order; keys are strings, and a key may occur more than once
   * (the loaders keep what the document says; readers report duplicates where they matter).
   *
   * <p>A class rather than a record only to hold an index: readers ask a mapping for its fields
   * by name, several times each, so a mapping of more than {@value #SCAN} entries indexes its keys
   * when it is made, and a lookup costs the same in a mapping of 20,000 tasks as in one of five
   * fields. Otherwise it behaves as the record {@code DocMap(List<Entry> entries, Span span)}
   * would: the same accessors, equality, hash code and string form.
   */
  final class DocMap implements DocNode {
    /** Up to this many entries a scan is cheaper than an index. */
    static final int SCAN = 8;

    private final List<Entry> entries;
    private final Span span;
    /** The first entry of each key; null when the mapping is small enough to scan. */
    private final Map<String, Entry> index;

    public DocMap(List<Entry> entries, Span span) {
      this.entries = List.copyOf(entries);
      this.span = Objects.requireNonNull(span, "span");
      this.index = this.entries.size() > SCAN ? index(this.entries) : null;
    }

    private static Map<String, Entry> index(List<Entry> entries) {
      Map<String, Entry> byKey = new HashMap<>(entries.size() * 4 / 3 + 1);
      for (Entry e : entries) {
        byKey.putIfAbsent(e.key(), e);
      }
      return byKey;
    }

    public List<Entry> entries() {
      return entries;
    }

    @Override
    public Span span() {
      return span;
    }

    /** The first entry with this key. */
    public Optional<Entry> entry(String key) {
      if (index != null) {
        return Optional.ofNullable(index.get(key));
      }
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    @Override
    public String describe() {
      return "mapping";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DocMap m && entries.equals(m.entries) && span.equals(m.span);
    }

    @Override
    public int hashCode() {
      return 31 * entries.hashCode() + span.hashCode();
    }

    @Override
    public String toString() {
      return "DocMap[entries=" + entries + ", span=" + span + "]";
    }
  }

  /** One key and its value. */
  record Entry(String key, Span keySpan, DocNode value) {
    public Entry {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(keySpan, "keySpan");
      Objects.requireNonNull(value, "value");
    }
  }

  record DocSeq(List<DocNode> items, Span span) implements DocNode {
    public DocSeq {
      items = List.copyOf(items);
      Objects.requireNonNull(span, "span");
    }

    @Override
    public String describe() {
      return "sequence";
    }
  }

  record DocScalar(String text, ScalarKind kind, Span span) implements DocNode {
    public DocScalar {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(span, "span");
    }

    @Override
    public String describe() {
      return switch (kind) {
        case STRING -> "string";
        case INT -> "integer";
        case FLOAT -> "number";
        case BOOL -> "boolean";
        case NULL -> "null";
      };
    }
  }
}

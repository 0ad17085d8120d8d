package io.flytemigrate.kfp.tree;

import io.flytemigrate.ir.diag.Span;
import java.util.List;
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

  /** A mapping; entries keep document order; keys are strings. */
  record DocMap(List<Entry> entries, Span span) implements DocNode {
    public DocMap {
      entries = List.copyOf(entries);
      Objects.requireNonNull(span, "span");
    }

    public Optional<Entry> entry(String key) {
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

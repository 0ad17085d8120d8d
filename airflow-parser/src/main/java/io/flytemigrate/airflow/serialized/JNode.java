package io.flytemigrate.airflow.serialized;

import io.flytemigrate.ir.diag.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON value with where it is in the file (span and character offsets). */
sealed interface JNode {
  Span span();

  /** Offset of the first character. */
  int start();

  /** Offset after the last character. */
  int end();

  record JObject(Map<String, JNode> fields, Span span, int start, int end) implements JNode {
    public JObject {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    JNode get(String key) {
      return fields.get(key);
    }

    /** The first of {@code keys} present. */
    JNode any(String... keys) {
      for (String k : keys) {
        JNode n = fields.get(k);
        if (n != null) {
          return n;
        }
      }
      return null;
    }

    String string(String key) {
      return fields.get(key) instanceof JString s ? s.value() : null;
    }
  }

  record JArray(List<JNode> items, Span span, int start, int end) implements JNode {
    public JArray {
      items = List.copyOf(items);
    }
  }

  record JString(String value, Span span, int start, int end) implements JNode {}

  /** A number as written; {@code integral} when it has no fraction or exponent. */
  record JNumber(String text, boolean integral, Span span, int start, int end) implements JNode {}

  record JBool(boolean value, Span span, int start, int end) implements JNode {}

  record JNull(Span span, int start, int end) implements JNode {}
}

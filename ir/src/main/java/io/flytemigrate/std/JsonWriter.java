package io.flytemigrate.std;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A streaming JSON writer with stable, pretty output (two-space indent, LF line ends). It exists so
 * that the model can be serialised without a JSON library in {@code ir}; callers choose key order.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final Deque<boolean[]> firstInScope = new ArrayDeque<>();
  private boolean afterKey;

  public JsonWriter beginObject() {
    value("{");
    firstInScope.push(new boolean[] {true});
    return this;
  }

  public JsonWriter endObject() {
    return close("}");
  }

  public JsonWriter beginArray() {
    value("[");
    firstInScope.push(new boolean[] {true});
    return this;
  }

  public JsonWriter endArray() {
    return close("]");
  }

  /** Writes an object key; the next call must write its value. */
  public JsonWriter name(String key) {
    separate();
    quote(key);
    out.append(": ");
    afterKey = true;
    return this;
  }

  public JsonWriter string(String s) {
    if (s == null) {
      return nul();
    }
    separateValue();
    quote(s);
    return this;
  }

  public JsonWriter number(long n) {
    return value(Long.toString(n));
  }

  /** Writes a double the way JSON expects; non-finite values are written as strings. */
  public JsonWriter number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return string(Double.toString(d));
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return value(Long.toString((long) d) + ".0");
    }
    return value(Double.toString(d));
  }

  public JsonWriter bool(boolean b) {
    return value(Boolean.toString(b));
  }

  public JsonWriter nul() {
    return value("null");
  }

  /** The document written so far, with a final newline. */
  public String toJson() {
    return out + "\n";
  }

  private JsonWriter value(String raw) {
    separateValue();
    out.append(raw);
    return this;
  }

  private void separateValue() {
    if (afterKey) {
      afterKey = false;
      return;
    }
    separate();
  }

  private void separate() {
    if (firstInScope.isEmpty()) {
      return;
    }
    boolean[] first = firstInScope.peek();
    if (!first[0]) {
      out.append(',');
    }
    first[0] = false;
    newline(firstInScope.size());
  }

  private JsonWriter close(String bracket) {
    boolean[] first = firstInScope.pop();
    if (!first[0]) {
      newline(firstInScope.size());
    }
    out.append(bracket);
    return this;
  }

  private void newline(int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private void quote(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}

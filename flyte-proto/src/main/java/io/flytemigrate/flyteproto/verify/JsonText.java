package io.flytemigrate.flyteproto.verify;

import io.flytemigrate.ir.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a JSON text into a source value, so that a list or an object the translation passes as
 * text (a {@code str} input bound to {@code ["a", "b"]}) can be compared with the source's value
 * rather than with one way of printing it. Strict JSON, plus the {@code NaN} and {@code Infinity}
 * a Java double prints as; anything else, trailing text included, is not JSON. Written here rather
 * than borrowed from the writers, like the rest of the verifier.
 */
final class JsonText {
  private static final int MAX_DEPTH = 64;
  private final String s;
  private int i;

  private JsonText(String s) {
    this.s = s;
  }

  /** The value of a JSON text; empty when the text is not JSON. */
  static Optional<Value> parse(String text) {
    JsonText p = new JsonText(text);
    Optional<Value> v = p.value(0);
    p.space();
    return p.i == text.length() ? v : Optional.empty();
  }

  private Optional<Value> value(int depth) {
    space();
    if (i >= s.length() || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    char c = s.charAt(i);
    if (c == '[') {
      i++;
      List<Value> items = new ArrayList<>();
      space();
      if (eat(']')) {
        return Optional.of(new Value.ListValue(items));
      }
      do {
        Optional<Value> item = value(depth + 1);
        if (item.isEmpty()) {
          return Optional.empty();
        }
        items.add(item.get());
        space();
      } while (eat(','));
      return eat(']') ? Optional.of(new Value.ListValue(items)) : Optional.empty();
    }
    if (c == '{') {
      i++;
      List<Value.Entry> entries = new ArrayList<>();
      space();
      if (eat('}')) {
        return Optional.of(new Value.MapValue(entries));
      }
      do {
        space();
        Optional<String> key = string();
        space();
        if (key.isEmpty() || !eat(':')) {
          return Optional.empty();
        }
        Optional<Value> v = value(depth + 1);
        if (v.isEmpty()) {
          return Optional.empty();
        }
        entries.add(new Value.Entry(key.get(), v.get()));
        space();
      } while (eat(','));
      return eat('}') ? Optional.of(new Value.MapValue(entries)) : Optional.empty();
    }
    if (c == '"') {
      return string().map(Value.Str::new);
    }
    for (String word : List.of("true", "false", "null")) {
      if (s.startsWith(word, i)) {
        i += word.length();
        return Optional.of(word.equals("null") ? new Value.Null() : new Value.Bool(word.equals("true")));
      }
    }
    return number();
  }

  private Optional<Value> number() {
    int start = i;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      i++;
    }
    for (String word : List.of("NaN", "Infinity")) {
      if (s.startsWith(word, i)) {
        i += word.length();
        return Optional.of(new Value.Float(Double.parseDouble(s.substring(start, i))));
      }
    }
    boolean integral = true;
    while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
      integral &= Character.isDigit(s.charAt(i));
      i++;
    }
    String text = s.substring(start, i);
    try {
      if (integral) {
        return Optional.of(new Value.Int(Long.parseLong(text)));
      }
      return Optional.of(new Value.Float(Double.parseDouble(text)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<String> string() {
    if (!eat('"')) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder();
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return Optional.of(b.toString());
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (i >= s.length()) {
        return Optional.empty();
      }
      char e = s.charAt(i++);
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 > s.length()) {
            return Optional.empty();
          }
          try {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          } catch (NumberFormatException x) {
            return Optional.empty();
          }
          i += 4;
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private boolean eat(char c) {
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private void space() {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }
}

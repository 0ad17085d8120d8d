package io.flytemigrate.ir.print;

import io.flytemigrate.ir.Value;
import io.flytemigrate.ir.diag.Span;
import java.util.List;

/**
 * Prints any IR value as indented text, one field per line, in record declaration order. Fields
 * at their default (absent, empty, false) are left out; spans print as {@code @line:col} after
 * the type name. Small records of scalars print on one line, values as JSON literals.
 */
public final class IrPrinter {
  private static final int INLINE_WIDTH = 100;

  /** The whole text: every part is appended here once, never built apart and copied up. */
  private final StringBuilder out = new StringBuilder();

  private IrPrinter() {}

  /** The text form of {@code node}, ending with a newline. */
  public static String print(Object node) {
    IrPrinter p = new IrPrinter();
    p.render(node, 0);
    return p.out.append('\n').toString();
  }

  private void render(Object value, int indent) {
    Object v = RecordWalker.unwrap(value);
    if (v == null) {
      out.append("none");
    } else if (v instanceof Value val) {
      out.append(ValueText.of(val));
    } else if (v instanceof Span s) {
      out.append(spanText(s));
    } else if (v instanceof String s) {
      if (isBlock(s)) {
        block(s, indent);
      } else {
        out.append(quote(s));
      }
    } else if (v instanceof Enum<?> e) {
      out.append(e.name());
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof List<?> list) {
      renderList(list, indent);
    } else if (v instanceof Record r) {
      renderRecord(r, RecordWalker.fields(r), indent);
    } else {
      throw new IllegalArgumentException("not an IR value: " + v.getClass().getName());
    }
  }

  private static boolean isBlock(String s) {
    return s.indexOf('\n') >= 0 && s.length() > 40;
  }

  private void renderList(List<?> list, int indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    String inline = inlineList(list);
    if (inline != null) {
      out.append(inline);
      return;
    }
    items(list, indent);
  }

  private void items(List<?> list, int indent) {
    for (Object item : list) {
      out.append('\n');
      pad(indent);
      out.append("- ");
      render(item, indent + 2);
    }
  }

  private static String inlineList(List<?> list) {
    var b = new StringBuilder("[");
    for (Object item : list) {
      String s = inline(item);
      if (s == null) {
        return null;
      }
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(s);
      if (b.length() > INLINE_WIDTH) {
        return null;
      }
    }
    b.append(']');
    return b.length() <= INLINE_WIDTH ? b.toString() : null;
  }

  /** A one-line form for scalars and small span-less records, or null. */
  private static String inline(Object value) {
    Object v = RecordWalker.unwrap(value);
    if (v instanceof String s && isBlock(s)) {
      return null;
    }
    if (v == null) {
      return "none";
    }
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    if (v instanceof Value val) {
      String s = ValueText.of(val);
      return s.length() <= INLINE_WIDTH ? s : null;
    }
    if (v instanceof Record r) {
      return inlineRecord(r, RecordWalker.fields(r));
    }
    return null;
  }

  /** The one-line form of a record without a span field, given its fields, or null. */
  private static String inlineRecord(Record r, List<RecordWalker.Field> fields) {
    for (RecordWalker.Field f : fields) {
      if (f.value() instanceof Span) {
        return null; // a record with a position prints on lines of its own
      }
    }
    var b = new StringBuilder(RecordWalker.typeName(r)).append('(');
    boolean first = true;
    for (RecordWalker.Field f : fields) {
      String s;
      if (RecordWalker.isStructure(f.value())) {
        List<RecordWalker.Field> sub = RecordWalker.fields((Record) f.value());
        if (RecordWalker.allDefault(sub)) {
          continue;
        }
        s = inlineRecord((Record) f.value(), sub);
      } else if (RecordWalker.isDefault(f.value())) {
        continue;
      } else {
        Object fv = RecordWalker.unwrap(f.value());
        s = fv instanceof List<?> l ? inlineList(l) : inline(fv);
      }
      if (s == null) {
        return null;
      }
      b.append(first ? "" : ", ").append(f.name()).append('=').append(s);
      first = false;
      if (b.length() > INLINE_WIDTH) {
        return null;
      }
    }
    b.append(')');
    return b.length() <= INLINE_WIDTH ? b.toString() : null;
  }

  private void renderRecord(Record r, List<RecordWalker.Field> fields, int indent) {
    String inline = inlineRecord(r, fields);
    if (inline != null) {
      out.append(inline);
      return;
    }
    out.append(RecordWalker.typeName(r));
    for (RecordWalker.Field f : fields) {
      if (f.name().equals("span") && f.value() instanceof Span s && s.isKnown()) {
        out.append(' ').append(spanText(s));
      }
    }
    for (RecordWalker.Field f : fields) {
      if (f.name().equals("span")) {
        continue;
      }
      if (RecordWalker.isStructure(f.value())) {
        List<RecordWalker.Field> sub = RecordWalker.fields((Record) f.value());
        if (!RecordWalker.allDefault(sub)) {
          fieldName(f.name(), indent + 2).append(' ');
          renderRecord((Record) f.value(), sub, indent + 2);
        }
      } else if (!RecordWalker.isDefault(f.value())) {
        field(f.name(), f.value(), indent + 2);
      }
    }
  }

  /** {@code name: value} on a new line; a value that starts on a line of its own gets no space. */
  private void field(String name, Object value, int indent) {
    fieldName(name, indent);
    Object v = RecordWalker.unwrap(value);
    if (v instanceof List<?> list && !list.isEmpty()) {
      String inline = inlineList(list);
      if (inline != null) {
        out.append(' ').append(inline);
      } else {
        items(list, indent);
      }
      return;
    }
    if (v instanceof String s && isBlock(s)) {
      block(s, indent);
      return;
    }
    out.append(' ');
    render(v, indent);
  }

  private StringBuilder fieldName(String name, int indent) {
    out.append('\n');
    pad(indent);
    return out.append(name).append(':');
  }

  /**
   * A multi-line string as lines prefixed with {@code |}, exact to the character: each source line
   * follows {@code "| "}; a missing final line break is marked with a last line {@code \}.
   */
  private void block(String s, int indent) {
    String[] lines = s.split("\n", -1);
    int n = s.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < n; i++) {
      out.append('\n');
      pad(indent + 2);
      out.append('|');
      if (!lines[i].isEmpty()) {
        out.append(' ');
        escapeControls(lines[i]);
      }
    }
    if (!s.endsWith("\n")) {
      out.append('\n');
      pad(indent);
      out.append("\\ no line break at end");
    }
  }

  private void escapeControls(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x20 && c != '\t') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
  }

  private static String spanText(Span s) {
    return s.isKnown() ? "@" + s.line() + ":" + s.column() : "@-";
  }

  private void pad(int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
  }

  static String quote(String s) {
    var b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

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

  private final StringBuilder out = new StringBuilder();

  private IrPrinter() {}

  /** The text form of {@code node}, ending with a newline. */
  public static String print(Object node) {
    IrPrinter p = new IrPrinter();
    p.out.append(p.render(node, 0)).append('\n');
    return p.out.toString();
  }

  private String render(Object value, int indent) {
    Object v = RecordWalker.unwrap(value);
    if (v == null) {
      return "none";
    }
    if (v instanceof Value val) {
      return ValueText.of(val);
    }
    if (v instanceof Span s) {
      return spanText(s);
    }
    if (v instanceof String s) {
      return s.indexOf('\n') >= 0 && s.length() > 40 ? block(s, indent) : quote(s);
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    if (v instanceof List<?> list) {
      return renderList(list, indent);
    }
    if (v instanceof Record r) {
      return renderRecord(r, indent);
    }
    throw new IllegalArgumentException("not an IR value: " + v.getClass().getName());
  }

  private String renderList(List<?> list, int indent) {
    if (list.isEmpty()) {
      return "[]";
    }
    String inline = inlineList(list);
    if (inline != null) {
      return inline;
    }
    var b = new StringBuilder();
    for (Object item : list) {
      b.append('\n').append(pad(indent)).append("- ").append(render(item, indent + 2));
    }
    return b.toString();
  }

  private String inlineList(List<?> list) {
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
    }
    b.append(']');
    return b.length() <= INLINE_WIDTH ? b.toString() : null;
  }

  /** A one-line form for scalars and small span-less records, or null. */
  private String inline(Object value) {
    Object v = RecordWalker.unwrap(value);
    if (v instanceof String s && s.indexOf('\n') >= 0 && s.length() > 40) {
      return null;
    }
    if (v == null || v instanceof String || v instanceof Enum || v instanceof Number || v instanceof Boolean) {
      return render(v, 0);
    }
    if (v instanceof Value val) {
      String s = ValueText.of(val);
      return s.length() <= INLINE_WIDTH ? s : null;
    }
    if (v instanceof Record r) {
      var b = new StringBuilder(RecordWalker.typeName(r)).append('(');
      boolean first = true;
      for (RecordWalker.Field f : RecordWalker.fields(r)) {
        if (f.value() instanceof Span) {
          return null;
        }
        if (RecordWalker.isDefault(f.value())) {
          continue;
        }
        Object fv = RecordWalker.unwrap(f.value());
        String s = fv instanceof List<?> l ? inlineList(l) : inline(fv);
        if (s == null) {
          return null;
        }
        b.append(first ? "" : ", ").append(f.name()).append('=').append(s);
        first = false;
      }
      b.append(')');
      return b.length() <= INLINE_WIDTH ? b.toString() : null;
    }
    return null;
  }

  private String renderRecord(Record r, int indent) {
    String inline = inline(r);
    if (inline != null) {
      return inline;
    }
    var b = new StringBuilder(RecordWalker.typeName(r));
    List<RecordWalker.Field> fields = RecordWalker.fields(r);
    for (RecordWalker.Field f : fields) {
      if (f.name().equals("span") && f.value() instanceof Span s) {
        if (s.isKnown()) {
          b.append(' ').append(spanText(s));
        }
      }
    }
    for (RecordWalker.Field f : fields) {
      if (f.name().equals("span") || RecordWalker.isDefault(f.value())) {
        continue;
      }
      if (f.value() instanceof Span s && !s.isKnown()) {
        continue;
      }
      String rendered = render(f.value(), indent + 2);
      b.append('\n').append(pad(indent + 2)).append(f.name()).append(':');
      if (!rendered.startsWith("\n")) {
        b.append(' ');
      }
      b.append(rendered);
    }
    return b.toString();
  }

  /**
   * A multi-line string as lines prefixed with {@code |}, exact to the character: each source line
   * follows {@code "| "}; a missing final line break is marked with a last line {@code \}.
   */
  private static String block(String s, int indent) {
    var b = new StringBuilder();
    String[] lines = s.split("\n", -1);
    int n = s.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < n; i++) {
      b.append('\n').append(pad(indent + 2)).append('|');
      if (!lines[i].isEmpty()) {
        b.append(' ').append(escapeControls(lines[i]));
      }
    }
    if (!s.endsWith("\n")) {
      b.append('\n').append(pad(indent)).append("\\ no line break at end");
    }
    return b.toString();
  }

  private static String escapeControls(String line) {
    var b = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\r') {
        b.append("\\r");
      } else if (c < 0x20 && c != '\t') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String spanText(Span s) {
    return s.isKnown() ? "@" + s.line() + ":" + s.column() : "@-";
  }

  private static String pad(int n) {
    return " ".repeat(n);
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

package io.flytemigrate.ir.diag;

import io.flytemigrate.std.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders diagnostics three ways: {@link #rich} for terminals (source line and caret), {@link
 * #shortForm} one line each (for goldens and grep), and {@link #json} for tools. All three take
 * diagnostics in any order and print them in {@link Diagnostic#ORDER}.
 */
public final class DiagnosticRenderer {
  private DiagnosticRenderer() {}

  /** {@code file:line:col: error[FM0123]: message} and, if present, {@code   = help: ...}. */
  public static String shortForm(List<Diagnostic> diagnostics) {
    var out = new StringBuilder();
    for (Diagnostic d : sorted(diagnostics)) {
      out.append(header(d)).append('\n');
      d.help().ifPresent(h -> out.append("  = help: ").append(h).append('\n'));
    }
    return out.toString();
  }

  /**
   * Like {@link #shortForm} with the offending source line and a caret under the column, plus
   * secondary labels, when the source text is known.
   *
   * @param sources the text of each file by its display path; files not in the map print no excerpt
   */
  public static String rich(List<Diagnostic> diagnostics, Map<String, SourceFile> sources) {
    var out = new StringBuilder();
    for (Diagnostic d : sorted(diagnostics)) {
      out.append(header(d)).append('\n');
      excerpt(out, d.span(), "", sources);
      for (Label label : d.related()) {
        out.append("  = note: ").append(label.span().location()).append(": ").append(label.message()).append('\n');
        excerpt(out, label.span(), "", sources);
      }
      d.help().ifPresent(h -> out.append("  = help: ").append(h).append('\n'));
      out.append("  = see: flyte-migrate explain ").append(d.code().id()).append('\n');
      out.append('\n');
    }
    return out.toString();
  }

  /** An array of objects with code, name, severity, message, file, line, column, help, related. */
  public static String json(List<Diagnostic> diagnostics) {
    var w = new JsonWriter().beginArray();
    for (Diagnostic d : sorted(diagnostics)) {
      write(w, d);
    }
    return w.endArray().toJson();
  }

  /** Writes one diagnostic as a JSON object into {@code w}; shared by every JSON output. */
  public static void write(JsonWriter w, Diagnostic d) {
    w.beginObject();
    w.name("code").string(d.code().id());
    w.name("name").string(d.code().name());
    w.name("severity").string(d.severity().label());
    w.name("message").string(d.message());
    spanFields(w, d.span());
    w.name("help");
    if (d.help().isPresent()) {
      w.string(d.help().get());
    } else {
      w.nul();
    }
    w.name("related").beginArray();
    for (Label l : d.related()) {
      w.beginObject();
      w.name("message").string(l.message());
      spanFields(w, l.span());
      w.endObject();
    }
    w.endArray();
    w.endObject();
  }

  private static void spanFields(JsonWriter w, Span s) {
    w.name("file").string(s.file());
    w.name("line").number(s.line());
    w.name("column").number(s.column());
    w.name("endLine").number(s.endLine());
    w.name("endColumn").number(s.endColumn());
  }

  private static String header(Diagnostic d) {
    return d.span().location() + ": " + d.severity().label() + "[" + d.code().id() + "]: " + d.message();
  }

  private static void excerpt(StringBuilder out, Span span, String indent, Map<String, SourceFile> sources) {
    if (!span.isKnown()) {
      return;
    }
    SourceFile file = sources.get(span.file());
    if (file == null) {
      return;
    }
    Optional<String> line = file.line(span.line());
    if (line.isEmpty()) {
      return;
    }
    String number = Integer.toString(span.line());
    String gutter = " ".repeat(number.length());
    String text = line.get().replace('\t', ' ');
    int shown = 200;
    if (text.length() > shown) {
      text = text.substring(0, shown) + " ...";
    }
    int caretAt = Math.max(0, Math.min(span.column() - 1, text.length()));
    int width = 1;
    if (span.endLine() == span.line() && span.endColumn() > span.column()) {
      width = Math.min(span.endColumn() - span.column(), Math.max(1, text.length() - caretAt));
    }
    out.append(indent).append(gutter).append(" |\n");
    out.append(indent).append(number).append(" | ").append(text).append('\n');
    out.append(indent).append(gutter).append(" | ").append(" ".repeat(caretAt)).append("^".repeat(width)).append('\n');
  }

  private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    var copy = new java.util.ArrayList<>(diagnostics);
    copy.sort(Diagnostic.ORDER);
    return copy;
  }
}

package io.flytemigrate.kfp.v1;

import io.flytemigrate.ir.diag.Code;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Span;
import io.flytemigrate.kfp.tree.DocNode;
import io.flytemigrate.kfp.tree.DocNode.DocMap;
import io.flytemigrate.kfp.tree.DocNode.DocScalar;
import io.flytemigrate.kfp.tree.DocNode.DocSeq;
import io.flytemigrate.kfp.tree.DocNode.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reports diagnostics whose message quotes the input. A message is one line, and names,
 * expressions and values in a YAML file may hold line breaks, so every quote is put on one line
 * (and a long one shortened) before the diagnostic is made.
 */
final class Messages {
  private static final int MAX_QUOTE = 200;
  /** Fields that hold a name, or name a template, and so must match each other after the change. */
  private static final Set<String> NAMES = Set.of("name", "template", "entrypoint", "onExit");

  private Messages() {}

  static Diagnostic of(Code code, Span span, String message) {
    return Diagnostic.of(code, span, oneLine(message));
  }

  static void report(DiagnosticSink sink, Code code, Span span, String message) {
    sink.report(of(code, span, message));
  }

  static void report(DiagnosticSink sink, Code code, Span span, String message, String help) {
    sink.report(of(code, span, message).withHelp(oneLine(help)));
  }

  /**
   * The document with every mapping key, and every name (and template reference), on one line.
   * Messages quote keys and names (an unknown field, a template), and neither may hold a line
   * break in a valid file, so nothing a valid file says changes.
   */
  static DocNode oneLineNames(DocNode n) {
    if (n instanceof DocMap m) {
      List<Entry> entries = new ArrayList<>();
      boolean changed = false;
      for (Entry e : m.entries()) {
        DocNode v = NAMES.contains(e.key()) && e.value() instanceof DocScalar s && hasBreak(s.text())
            ? new DocScalar(oneLine(s.text()), s.kind(), s.span()) : oneLineNames(e.value());
        String key = hasBreak(e.key()) ? oneLine(e.key()) : e.key();
        changed |= v != e.value() || !key.equals(e.key());
        entries.add(new Entry(key, e.keySpan(), v));
      }
      return changed ? new DocMap(entries, m.span()) : m;
    }
    if (n instanceof DocSeq s) {
      List<DocNode> items = new ArrayList<>();
      boolean changed = false;
      for (DocNode i : s.items()) {
        DocNode x = oneLineNames(i);
        changed |= x != i;
        items.add(x);
      }
      return changed ? new DocSeq(items, s.span()) : s;
    }
    return n;
  }

  private static boolean hasBreak(String s) {
    return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
  }

  /** The text with every line break (and the spaces around it) as one space, cut when very long. */
  static String oneLine(String s) {
    String flat = s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return flat.length() > MAX_QUOTE * 3 ? flat.substring(0, MAX_QUOTE * 3 - 3) + "..." : flat;
  }
}

package io.flytemigrate.kfp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares diagnostics with a compact expectation, one line per diagnostic, in the order the sink
 * sorts them (position, then code):
 *
 * <pre>
 *   FM1007 12:15 refers to component `comp-x`
 * </pre>
 *
 * The code and the position must match exactly; the rest of the line, when present, must occur in
 * the message. On a mismatch the failure shows every actual diagnostic in the same form.
 */
public final class Diags {
  private Diags() {}

  public static void check(List<Diagnostic> actual, String expected) {
    List<String> want = expected.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    List<String> got = new ArrayList<>();
    for (int i = 0; i < actual.size(); i++) {
      Diagnostic d = actual.get(i);
      String head = d.code().id() + " " + d.span().line() + ":" + d.span().column();
      String[] w = i < want.size() ? want.get(i).split(" ", 3) : new String[0];
      if (w.length == 2 && head.equals(w[0] + " " + w[1])) {
        got.add(head);
      } else if (w.length == 3 && d.message().contains(w[2])) {
        got.add(head + " " + w[2]);
      } else {
        got.add(head + " " + d.message());
      }
    }
    assertEquals(String.join("\n", want), String.join("\n", got), "diagnostics differ");
  }

  /** Every diagnostic as {@code CODE severity line:col message}, for failure messages. */
  public static String render(List<Diagnostic> ds) {
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : ds) {
      b.append(d.code().id()).append(' ').append(d.severity().label()).append(' ')
          .append(d.span().line()).append(':').append(d.span().column()).append(' ')
          .append(d.message()).append('\n');
    }
    return b.toString();
  }
}

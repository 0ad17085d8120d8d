package io.flytemigrate.ir.diag;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding about the user's input. The message says what is wrong, in one lowercase line that
 * stands alone; the optional help says what to do about it.
 */
public record Diagnostic(
    Code code,
    Severity severity,
    Span span,
    String message,
    Optional<String> help,
    List<Label> related) {

  /** The order every renderer uses: file, position, code, message. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.span().file())
          .thenComparingInt(d -> d.span().line())
          .thenComparingInt(d -> d.span().column())
          .thenComparing(d -> d.code().id())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(help, "help");
    related = List.copyOf(related);
    if (message.isEmpty()) {
      throw new IllegalArgumentException("a diagnostic message must not be empty");
    }
    // Messages quote names from the input, and an input may put a line break in a name; a
    // diagnostic must never be the thing that fails, so line breaks become visible escapes.
    message = oneLine(message);
    help = help.map(Diagnostic::oneLine);
  }

  private static String oneLine(String s) {
    return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
  }

  /** A diagnostic at the code's default severity, without help. */
  public static Diagnostic of(Code code, Span span, String message) {
    return new Diagnostic(code, code.defaultSeverity(), span, message, Optional.empty(), List.of());
  }

  /** This diagnostic with a help line. */
  public Diagnostic withHelp(String helpLine) {
    return new Diagnostic(code, severity, span, message, Optional.of(helpLine), related);
  }

  /** This diagnostic with one more secondary label. */
  public Diagnostic withLabel(Span labelSpan, String labelMessage) {
    var labels = new java.util.ArrayList<>(related);
    labels.add(new Label(labelSpan, labelMessage));
    return new Diagnostic(code, severity, span, message, help, labels);
  }

  /** This diagnostic at another severity. */
  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(code, newSeverity, span, message, help, related);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}

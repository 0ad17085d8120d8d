package io.flytemigrate.ir.diag;

import java.util.Objects;

/** A secondary place that explains a diagnostic, e.g. the first definition of a duplicate. */
public record Label(Span span, String message) {
  public Label {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
    message = message.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
  }
}

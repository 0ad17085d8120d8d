package io.flytemigrate.ir.parity;

import io.flytemigrate.ir.diag.Span;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One source element and its Flyte counterpart.
 *
 * @param kind what the element is: {@code task}, {@code edge}, {@code parameter}, {@code setting},
 *     {@code condition}, {@code loop}, {@code exit-handler}, {@code component}, {@code output}, ...
 * @param source the element's name in the input, e.g. the task name, or {@code a -> b} for an edge
 * @param flyte the Flyte id or node it became, if any
 * @param reason why it has this status; empty only for EXACT elements that need no comment
 */
public record ParityEntry(String kind, String source, Span span, Fidelity status, Optional<String> flyte, String reason) {
  /** Report order: by position in the source, then kind and name. */
  public static final Comparator<ParityEntry> ORDER =
      Comparator.comparing((ParityEntry e) -> e.span().file())
          .thenComparingInt(e -> e.span().line())
          .thenComparingInt(e -> e.span().column())
          .thenComparing(ParityEntry::kind)
          .thenComparing(ParityEntry::source);

  public ParityEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(flyte, "flyte");
    Objects.requireNonNull(reason, "reason");
    if (status != Fidelity.EXACT && reason.isBlank()) {
      throw new IllegalArgumentException("a " + status + " entry needs a reason: " + kind + " " + source);
    }
  }

  public static ParityEntry exact(String kind, String source, Span span, String flyte) {
    return new ParityEntry(kind, source, span, Fidelity.EXACT, Optional.of(flyte), "");
  }

  public static ParityEntry approximated(String kind, String source, Span span, String flyte, String reason) {
    return new ParityEntry(kind, source, span, Fidelity.APPROXIMATED, Optional.of(flyte), reason);
  }

  public static ParityEntry dropped(String kind, String source, Span span, String reason) {
    return new ParityEntry(kind, source, span, Fidelity.DROPPED, Optional.empty(), reason);
  }
}

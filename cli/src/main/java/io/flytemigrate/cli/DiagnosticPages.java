package io.flytemigrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The documentation page of each diagnostic code, as packaged in the jar from {@code
 * docs/diagnostics/<id>.md}. Pages are classpath resources, not files, so {@code explain} works
 * wherever the jar is.
 */
final class DiagnosticPages {
  /** Where the build puts the pages. */
  static final String PACKAGED = "/io/flytemigrate/cli/diagnostics/";

  private final String base;

  /** @param base the resource folder holding {@code <id>.md}, with leading and trailing slash */
  DiagnosticPages(String base) {
    this.base = base;
  }

  /** The pages packaged in this jar. */
  static DiagnosticPages packaged() {
    return new DiagnosticPages(PACKAGED);
  }

  /** The markdown text of the page for {@code id} (e.g. {@code FM1007}), if the jar has it. */
  Optional<String> page(String id) {
    try (InputStream in = DiagnosticPages.class.getResourceAsStream(base + id + ".md")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the page for " + id, e);
    }
  }
}

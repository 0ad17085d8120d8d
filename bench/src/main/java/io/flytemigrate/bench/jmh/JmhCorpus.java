package io.flytemigrate.bench.jmh;

import io.flytemigrate.bench.Options;
import java.nio.file.Path;
import java.util.List;

/** Where the JMH benchmarks find the corpus: the same default as the harness. */
final class JmhCorpus {
  private JmhCorpus() {}

  static Path root() {
    String explicit = System.getProperty("bench.corpus");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    Options.Result parsed = Options.parse(List.of(), Path.of(""));
    return parsed.options().orElseThrow(() -> new IllegalStateException(parsed.error())).corpus();
  }
}

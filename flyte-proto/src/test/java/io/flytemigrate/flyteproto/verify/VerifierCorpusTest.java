package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyteproto.Corpus;
import io.flytemigrate.flyteproto.Translation;
import io.flytemigrate.ir.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every valid KFP v2 corpus pipeline, translated, verifies against its own IR. Errors the
 * verifier finds in the translation are listed, per pipeline and code, in {@code
 * verify/known-translation-errors.txt}: the test fails when a new one appears and when a listed
 * one is gone, so the list only ever shrinks knowingly ({@code -Dapprove=true} rewrites it).
 */
class VerifierCorpusTest {
  private static final Path KNOWN = Corpus.repoRoot().resolve("flyte-proto/src/test/resources/verify/known-translation-errors.txt");

  @Test
  void everyValidCorpusPipelineVerifiesButTheKnownErrors() throws IOException {
    Map<String, Integer> found = new TreeMap<>();
    List<String> details = new ArrayList<>();
    int checked = 0;
    for (String path : Corpus.validKfpV2()) {
      Translation t = Translation.of(path);
      List<Diagnostic> ds = Verifier.verify("flyte-package.tgz", t.pkg().bytes(), t.pipeline(), Optional.of(t.lowered().parity()));
      checked++;
      for (Diagnostic d : ds) {
        if (d.isError()) {
          found.merge(path + " " + d.code().id(), 1, Integer::sum);
          details.add(d.span() + ": " + d.code().id() + ": " + d.message());
        }
      }
    }
    assertTrue(checked >= 90, "only " + checked + " pipelines were checked");
    StringBuilder text = new StringBuilder(header());
    found.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
    if (Boolean.getBoolean("approve")) {
      Files.writeString(KNOWN, text.toString(), StandardCharsets.UTF_8);
    }
    Map<String, Integer> known = new TreeMap<>();
    for (String line : Files.readAllLines(KNOWN, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.trim().split("\\s+");
      known.put(p[0] + " " + p[1], Integer.parseInt(p[2]));
    }
    assertEquals(known, found, "verification errors changed (run with -Dapprove=true to accept):\n" + String.join("\n", details));
  }

  private static String header() {
    return "# Verification errors in translated corpus pipelines: <corpus path> <code> <count>.\n"
        + "# Each is a translation problem the verifier catches (an unbound input, a type the Flyte compiler\n"
        + "# rejects, an empty workflow), not a verifier problem; remove a line when its cause is fixed.\n";
  }
}

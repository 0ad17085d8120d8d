package io.flytemigrate.validators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.DiagnosticSink;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.kfp.KfpV2Reader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds pipelines for tests from the interesting part of a KFP v2 spec: the test writes
 * {@code components} and {@code root}, and this adds {@code pipelineInfo}, {@code schemaVersion}
 * and one executor per {@code executorLabel} <em>after</em> them, so line numbers in the test's
 * text block are line numbers in the file.
 */
final class Kfp {
  private static final Pattern EXECUTOR = Pattern.compile("executorLabel: (\\S+)");

  private Kfp() {}

  /** The complete spec around {@code body}. */
  static String spec(String body) {
    Set<String> executors = new LinkedHashSet<>();
    Matcher m = EXECUTOR.matcher(body);
    while (m.find()) {
      executors.add(m.group(1));
    }
    StringBuilder b = new StringBuilder(body);
    b.append("pipelineInfo:\n  name: p\nschemaVersion: 2.1.0\n");
    if (!executors.isEmpty()) {
      b.append("deploymentSpec:\n  executors:\n");
      for (String e : executors) {
        b.append("    ").append(e).append(":\n      container:\n        image: alpine\n        command:\n        - run\n");
      }
    }
    return b.toString();
  }

  /** The pipeline of {@code body}, which the reader must read without any diagnostic. */
  static Pipeline read(String body) {
    Outcome<Pipeline> o = new KfpV2Reader().read(new SourceFile("p.yaml", spec(body)));
    assertTrue(o.diagnostics().isEmpty() && o.value().isPresent(),
        () -> "the reader did not read the test spec cleanly:\n" + DiagnosticRenderer.shortForm(o.diagnostics()));
    return o.value().get();
  }

  /** What {@code check} reports on {@code pipeline}, sorted. */
  static List<Diagnostic> run(Check check, Pipeline pipeline) {
    DiagnosticSink sink = new DiagnosticSink();
    check.run(pipeline, sink);
    List<Diagnostic> found = sink.sorted();
    for (Diagnostic d : found) {
      assertTrue(d.code().equals(check.code()), () -> check.getClass().getSimpleName() + " reported " + d.code());
    }
    return found;
  }

  /** {@link #run} as {@code line:col severity message} lines, for comparing with a text block. */
  static String findings(Check check, Pipeline pipeline) {
    return lines(run(check, pipeline));
  }

  /** {@link #findings} on the spec around {@code body}. */
  static String findings(Check check, String body) {
    return findings(check, read(body));
  }

  static String lines(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.span().line() + ":" + d.span().column() + " " + d.severity().label() + " " + d.message() + "\n")
        .collect(Collectors.joining());
  }
}

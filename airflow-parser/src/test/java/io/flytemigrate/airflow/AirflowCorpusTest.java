package io.flytemigrate.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.DiagnosticRenderer;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.print.IrPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of the shared Airflow corpus: each reads without an internal failure, twice the
 * same, with every error at a line; and at least 90% of the example DAG files (all but the
 * support modules SOURCES.md lists) read without any error.
 */
class AirflowCorpusTest {
  private static final Pattern SUPPORT = Pattern.compile("`([^`]+\\.py)`");

  static Path corpus() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("shared/corpus");
      if (Files.isDirectory(c.resolve("airflow"))) {
        return c;
      }
    }
    throw new IllegalStateException("the shared corpus is missing");
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Paths (relative to corpus/airflow) the SOURCES.md "Support modules" section names. */
  private static Set<String> supportModules(Path airflow) throws IOException {
    String sources = Files.readString(airflow.resolve("SOURCES.md"), StandardCharsets.UTF_8);
    int start = sources.indexOf("## Support modules");
    int end = sources.indexOf("\n## ", start + 1);
    Set<String> out = new TreeSet<>();
    Matcher m = SUPPORT.matcher(sources.substring(start, end < 0 ? sources.length() : end));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void dagFilesReadAndAtLeastNinetyPercentWithoutErrors() throws IOException {
    Path airflow = corpus().resolve("airflow");
    Set<String> support = supportModules(airflow);
    assertTrue(support.size() >= 5, "support modules found in SOURCES.md: " + support);
    List<Path> files = files(airflow, ".py");
    assertTrue(files.size() >= 90, "expected the whole airflow corpus, found " + files.size());
    int dagFiles = 0;
    int clean = 0;
    List<String> failing = new ArrayList<>();
    for (Path f : files) {
      String rel = airflow.relativize(f).toString().replace('\\', '/');
      SourceFile source = new SourceFile("corpus/airflow/" + rel, Files.readString(f, StandardCharsets.UTF_8));
      Outcome<List<Pipeline>> first = new AirflowReader().readAll(source);
      String report = DiagnosticRenderer.shortForm(first.diagnostics());
      assertFalse(report.contains("FM0005"), rel + ":\n" + report);
      for (Diagnostic d : first.diagnostics()) {
        if (d.isError()) {
          assertTrue(d.span().line() > 0, "an error without a line: " + d);
        }
      }
      Outcome<List<Pipeline>> second = new AirflowReader().readAll(source);
      assertEquals(print(first), print(second), rel + " reads differently twice");
      assertEquals(report, DiagnosticRenderer.shortForm(second.diagnostics()));
      if (support.stream().anyMatch(rel::endsWith)) {
        continue;
      }
      dagFiles++;
      if (first.ok() && !first.value().get().isEmpty()) {
        clean++;
      } else {
        failing.add(rel);
      }
    }
    double ratio = (double) clean / dagFiles;
    assertTrue(ratio >= 0.9, String.format("%d of %d dag files read without errors (%.1f%%); failing: %s", clean, dagFiles,
        100 * ratio, failing));
    assertTrue(dagFiles >= 80, "dag files: " + dagFiles);
  }

  @Test
  void serializedFixturesReadOrAreReported() throws IOException {
    Path dir = corpus().resolve("airflow-serialized");
    List<Path> files = files(dir, ".json");
    assertTrue(files.size() >= 5, "serialized files: " + files);
    int dags = 0;
    for (Path f : files) {
      String rel = dir.relativize(f).toString().replace('\\', '/');
      SourceFile source = new SourceFile("corpus/airflow-serialized/" + rel, Files.readString(f, StandardCharsets.UTF_8));
      Outcome<List<Pipeline>> o = new AirflowSerializedReader().readAll(source);
      String report = DiagnosticRenderer.shortForm(o.diagnostics());
      assertFalse(report.contains("FM0005"), rel + ":\n" + report);
      if (rel.endsWith("schema.json")) {
        assertTrue(report.contains("FM3031"), "a schema is reported as not a dag:\n" + report);
        continue;
      }
      assertTrue(o.ok(), rel + ":\n" + report);
      dags += o.value().get().size();
    }
    assertTrue(dags >= 20, "dags in the fixtures: " + dags);
  }

  private static String print(Outcome<List<Pipeline>> o) {
    StringBuilder b = new StringBuilder();
    o.value().ifPresent(l -> l.forEach(p -> b.append(IrPrinter.print(p))));
    return b.toString();
  }
}

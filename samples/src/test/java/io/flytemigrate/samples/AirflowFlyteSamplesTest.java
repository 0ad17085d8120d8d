package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.airflow.AirflowReader;
import io.flytemigrate.flyte.lower.FlyteLowering;
import io.flytemigrate.flyte.lower.Lowered;
import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyte.python.FlytekitProjectWriter;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.SourceFile;
import io.flytemigrate.ir.spi.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of Airflow DAGs translated to Flyte, for the Airflow cases that exercise the
 * logical date and untyped XComs: the flytekit project ({@code flytekit.approved.txt}) and the
 * parity rows ({@code parity.approved.txt}) next to the case's reader goldens, Python that
 * compiles and is black-clean, and a {@code convert} whose package the verifier accepts.
 */
class AirflowFlyteSamplesTest {
  /** The cases: a scheduled DAG with `{{ ds }}`, more templates, a pod operator, TaskFlow XComs. */
  private static final Set<String> CASES = Set.of("airflow/corpus-tutorial-2-9", "airflow/jinja-templates",
      "airflow/kubernetes-pod-operator", "airflow/corpus-tutorial-taskflow-main");

  @TempDir Path tmp;

  static Stream<SampleCase> cases() {
    List<SampleCase> all = SampleCase.discover().stream().filter(c -> CASES.contains(c.name())).toList();
    assertEquals(CASES.size(), all.size(), "every listed case exists");
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void translatesAsApproved(SampleCase c) throws Exception {
    Outcome<List<Pipeline>> read = new AirflowReader().readAll(new SourceFile(c.displayPath(), c.text()));
    assertTrue(read.value().isPresent() && read.value().get().size() == 1, c.name() + ": one DAG");
    Outcome<Lowered> lowered = FlyteLowering.lower(read.value().get().get(0), LoweringOptions.DEFAULT);
    assertFalse(lowered.hasErrors(), lowered.diagnostics()::toString);
    List<OutputFile> files = FlytekitProjectWriter.write(lowered.value().orElseThrow().project());
    approve(c, "flytekit", FlyteSamplesTest.projectText(files));
    approve(c, "parity", FlyteSamplesTest.parityText(lowered.value().orElseThrow().parity().entries()));
    Path dir = tmp.resolve("project");
    for (OutputFile f : files) {
      Path p = dir.resolve(f.path());
      Files.createDirectories(p.getParent());
      Files.write(p, f.content());
    }
    FlyteSamplesTest.PythonTools.compile(dir);
    FlyteSamplesTest.PythonTools.blackCheck(dir);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void convertsAndVerifies(SampleCase c) throws Exception {
    Path input = tmp.resolve("dag.py");
    Files.writeString(input, c.text());
    Path out = tmp.resolve("out");
    Cli r = Cli.run("convert", input.toString(), "-o", out.toString(), "--diagnostics", "short");
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.err().contains("error["), r::toString);
  }

  @Test
  void theScheduledTutorialFeedsTheLogicalDateFromItsKickoffTime() throws Exception {
    SampleCase c = cases().filter(x -> x.name().equals("airflow/corpus-tutorial-2-9")).findFirst().orElseThrow();
    String text = Files.readString(c.dir().resolve("approved/flytekit.approved.txt"));
    assertTrue(text.contains("def tutorial(logical_date: datetime.datetime):"), text);
    assertTrue(text.contains("kickoff_time_input_arg=\"logical_date\""), text);
    assertTrue(text.contains("echo \"{{.inputs.ds}}\""), text);
    assertTrue(text.contains("return utc.strftime(\"%Y-%m-%d\")"), text);
  }

  private static void approve(SampleCase c, String name, String text) {
    Options options = new Options()
        .withReporter(Boolean.getBoolean("approve") ? new AutoApproveReporter() : new QuietReporter())
        .forFile().withNamer(new CaseNamer(c.dir().resolve("approved"), name))
        .forFile().withExtension(".txt");
    Approvals.verify(text, options);
  }
}

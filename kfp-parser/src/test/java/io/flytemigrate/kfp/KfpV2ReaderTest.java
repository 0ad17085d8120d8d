package io.flytemigrate.kfp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Component.OpaqueComponent;
import io.flytemigrate.ir.Node;
import io.flytemigrate.ir.Node.TaskNode;
import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.ir.diag.Diagnostic;
import io.flytemigrate.ir.diag.Outcome;
import io.flytemigrate.ir.diag.Severity;
import io.flytemigrate.kfp.testing.Diags;
import io.flytemigrate.kfp.testing.Kfp;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whole-file behaviour of the reader: what makes a spec, and the errors a spec can have. */
class KfpV2ReaderTest {

  /** A clean one-task pipeline, 17 lines; tests append to it or replace parts of it. */
  private static final String BASE = """
      pipelineInfo:
        name: p
      schemaVersion: 2.1.0
      components:
        comp-a:
          executorLabel: exec-a
      deploymentSpec:
        executors:
          exec-a:
            container:
              image: alpine
      root:
        dag:
          tasks:
            a:
              componentRef:
                name: comp-a
      """;

  /** Reads {@code text}, checks its diagnostics, and returns the outcome. */
  private static Outcome<Pipeline> check(String text, String diagnostics) {
    Outcome<Pipeline> o = Kfp.read(text);
    Diags.check(o.diagnostics(), diagnostics);
    return o;
  }

  @Test
  void theBaseIsClean() {
    Pipeline p = Kfp.clean(BASE);
    assertEquals("p", p.name());
    assertEquals("p.yaml", p.source().file());
    assertEquals("kfp-v2", p.source().format());
    assertEquals(List.of("a"), p.root().nodes().stream().map(Node::id).toList());
  }

  @Test
  void pipelineInfoAndDefaultRoot() {
    Pipeline p = Kfp.clean(BASE.replace("  name: p\n", "  name: p\n  displayName: My Pipeline\n  description: does things\n")
        + "defaultPipelineRoot: gs://bucket/root\n");
    assertEquals(Optional.of("My Pipeline"), p.displayName());
    assertEquals(Optional.of("does things"), p.description());
    assertEquals(Optional.of("gs://bucket/root"), p.platform().defaultRoot());
  }

  @Test
  void taskInfoNamesTheTask() {
    Pipeline p = Kfp.clean(BASE + "        taskInfo:\n          name: Shown Name\n");
    Node a = Kfp.node(p.root(), "a");
    assertEquals("Shown Name", a.displayName());
    assertEquals(15, a.span().line());
    assertEquals(7, a.span().column());
  }

  @Test
  void jsonSpecsReadLikeYaml() {
    Pipeline p = Kfp.clean("""
        {
          "pipelineInfo": {"name": "p"},
          "schemaVersion": "2.1.0",
          "components": {"comp-a": {"executorLabel": "exec-a"}},
          "deploymentSpec": {"executors": {"exec-a": {"container": {"image": "alpine"}}}},
          "root": {"dag": {"tasks": {"a": {"componentRef": {"name": "comp-a"}}}}}
        }
        """);
    TaskNode a = Kfp.node(p.root(), "a", TaskNode.class);
    assertEquals("comp-a", a.component());
    assertEquals(6, a.span().line());
  }

  @Test
  void aYamlByteOrderMarkIsSkipped() {
    Pipeline p = Kfp.clean("\uFEFF" + BASE);
    assertEquals("p", p.name());
  }

  @Test
  void aJsonByteOrderMarkIsSkipped() {
    Pipeline p = Kfp.clean("\uFEFF{\"pipelineInfo\": {\"name\": \"p\"}, \"schemaVersion\": \"2.1.0\", \"root\": {\"dag\": {\"tasks\": {}}}}");
    assertEquals("p", p.name());
  }

  private static boolean accepts(String text) {
    return new KfpV2Reader().accepts(new io.flytemigrate.ir.diag.SourceFile("p.yaml", text));
  }

  @Test
  void recognisesSpecsByTheirTopLevelKeys() {
    assertEquals("kfp-v2", new KfpV2Reader().format());
    assertTrue(accepts(BASE));
    assertTrue(accepts("# PIPELINE DEFINITION\n# Name: x\n" + BASE));
    assertTrue(accepts("{\"pipelineInfo\": {\"name\": \"p\"}}"));
    assertTrue(accepts("# PIPELINE DEFINITION\n"));
    assertFalse(accepts("apiVersion: argoproj.io/v1alpha1\nkind: Workflow\n"));
    assertFalse(accepts("from airflow import DAG\n"));
    assertFalse(accepts("{\"kind\": \"Workflow\"}"));
    // A key that is only indented is not a top-level key.
    assertFalse(accepts("metadata:\n  pipelineInfo: x\n"));
  }

  // ---- not a pipeline spec ----------------------------------------------------------------------

  @Test
  void anEmptyFile() {
    Outcome<Pipeline> o = check("", """
        FM1003 1:1 the file holds no yaml document, only comments or white space
        """);
    assertEquals(Optional.empty(), o.value());
    assertEquals(Severity.ERROR, o.diagnostics().get(0).severity());
  }

  @Test
  void aFileOfComments() {
    Outcome<Pipeline> o = check("""
        # PIPELINE DEFINITION
        # Name: nothing

        # more
        """, """
        FM1003 1:1 the file holds no yaml document
        """);
    assertEquals(Optional.empty(), o.value());
  }

  @Test
  void aFileOfWhiteSpace() {
    assertEquals(Optional.empty(), check("\n   \n\n", """
        FM1003 1:1 the file holds no yaml document
        """).value());
  }

  @Test
  void aTopLevelList() {
    Outcome<Pipeline> o = check("""
        - pipelineInfo:
            name: p
        """, """
        FM1006 1:1 the pipeline spec must be a mapping, found a sequence
        """);
    assertEquals(Optional.empty(), o.value());
  }

  @Test
  void aTopLevelScalar() {
    assertEquals(Optional.empty(), check("just text\n", """
        FM1006 1:1 the pipeline spec must be a mapping, found a string
        """).value());
  }

  @Test
  void malformedYaml() {
    Outcome<Pipeline> o = check(BASE.replace("  name: p\n", "  name: [p\n"), """
        FM1001 3:14 invalid yaml
        """);
    assertEquals(Optional.empty(), o.value());
  }

  @Test
  void malformedJson() {
    Outcome<Pipeline> o = check("{\n  \"pipelineInfo\": {\"name\": \"p\"},\n  \"root\": \n}\n", """
        FM1001 4:1 invalid json
        """);
    assertEquals(Optional.empty(), o.value());
  }

  @Test
  void aDuplicateKeyInJson() {
    Outcome<Pipeline> o = check("""
        {
          "pipelineInfo": {"name": "p"},
          "schemaVersion": "2.1.0",
          "schemaVersion": "2.1.0",
          "root": {"dag": {"tasks": {}}}
        }
        """, """
        FM1014 4:3 key `schemaVersion` appears twice in this object
        """);
    assertTrue(o.value().isPresent());
  }

  // ---- spec-level problems ----------------------------------------------------------------------

  @Test
  void anUnknownFieldIsAWarningAndThePipelineIsStillRead() {
    Outcome<Pipeline> o = check(BASE + "frobnicate: 1\n", """
        FM1004 18:1 unknown field `frobnicate` in the pipeline spec is ignored
        """);
    assertEquals(Severity.WARNING, o.diagnostics().get(0).severity());
    assertTrue(o.ok());
    assertEquals("p", Kfp.pipeline(o).name());
  }

  @Test
  void anUnknownFieldInATask() {
    check(BASE + "        retries: 3\n", """
        FM1004 18:9 unknown field `retries` in task `a` is ignored
        """);
  }

  @Test
  void anUnknownSchemaVersion() {
    Outcome<Pipeline> o = check(BASE.replace("2.1.0", "3.0.0"), """
        FM1011 3:16 schema version `3.0.0` is newer or older than the 2.0 and 2.1 this reader knows
        """);
    assertEquals(Severity.WARNING, o.diagnostics().get(0).severity());
    assertTrue(o.value().isPresent());
  }

  @Test
  void schemaVersion200IsKnown() {
    Kfp.clean(BASE.replace("2.1.0", "2.0.0"));
  }

  @Test
  void missingRequiredSections() {
    Outcome<Pipeline> noInfo = check(BASE.replace("pipelineInfo:\n  name: p\n", ""), """
        FM1005 1:1 the pipeline spec has no `pipelineInfo` field
        """);
    assertEquals("pipeline", Kfp.pipeline(noInfo).name());
    check(BASE.replace("schemaVersion: 2.1.0\n", ""), """
        FM1005 1:1 the pipeline spec has no `schemaVersion` field
        """);
    Outcome<Pipeline> noRoot = check(BASE.substring(0, BASE.indexOf("root:")), """
        FM1005 1:1 the pipeline spec has no `root` field
        """);
    assertEquals(Optional.empty(), noRoot.value());
  }

  @Test
  void aMissingComponent() {
    Outcome<Pipeline> o = check(BASE.replace("name: comp-a\n", "name: comp-x\n"), """
        FM1007 17:17 task `a` refers to component `comp-x`, which is not defined
        """);
    Diagnostic d = o.diagnostics().get(0);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(Optional.of("defined components: comp-a"), d.help());
    assertEquals("comp-x", Kfp.node(Kfp.pipeline(o).root(), "a", TaskNode.class).component());
  }

  @Test
  void aMissingComponentInASpecWithoutComponents() {
    Outcome<Pipeline> o = check("""
        pipelineInfo:
          name: p
        schemaVersion: 2.1.0
        root:
          dag:
            tasks:
              a:
                componentRef:
                  name: comp-a
        """, """
        FM1007 9:17 task `a` refers to component `comp-a`
        """);
    assertEquals(Optional.of("the spec has no `components` section; define `comp-a` there"), o.diagnostics().get(0).help());
  }

  @Test
  void aTaskWithoutComponentRef() {
    check(BASE.replace("        componentRef:\n          name: comp-a\n", "        taskInfo:\n          name: a\n"), """
        FM1005 16:9 task `a` has no `componentRef` field
        """);
  }

  @Test
  void aDependencyOnAMissingTask() {
    Outcome<Pipeline> o = check(BASE + Kfp.indent("dependentTasks:\n- ghost", 8), """
        FM1008 19:9 task `a` depends on `ghost`, which is not a task of the same dag
        """);
    assertEquals(List.of("ghost"), Kfp.node(Kfp.pipeline(o).root(), "a").after());
  }

  @Test
  void dependenciesOnExistingTasks() {
    Pipeline p = Kfp.clean(BASE + Kfp.indent("""
        b:
          componentRef:
            name: comp-a
          dependentTasks:
          - a
        """, 6));
    assertEquals(List.of("a"), Kfp.node(p.root(), "b").after());
  }

  @Test
  void aMissingExecutor() {
    Outcome<Pipeline> o = check(BASE.replace("executorLabel: exec-a", "executorLabel: exec-nope"), """
        FM1009 6:20 component `comp-a` names executor `exec-nope`, which `deploymentSpec.executors` does not define
        """);
    OpaqueComponent c = Kfp.component(Kfp.pipeline(o), "comp-a", OpaqueComponent.class);
    assertEquals("missing-executor", c.kind());
  }

  @Test
  void aComponentWithoutExecutorLabel() {
    Outcome<Pipeline> o = check(BASE.replace("    executorLabel: exec-a\n", "    description: nothing to run\n"), """
        FM1005 6:5 component `comp-a` has no `executorLabel` field
        """);
    assertEquals("no-executor", Kfp.component(Kfp.pipeline(o), "comp-a", OpaqueComponent.class).kind());
  }

  @Test
  void aDuplicateTaskIdIsADuplicateKey() {
    Outcome<Pipeline> o = check(BASE + Kfp.indent("""
        a:
          componentRef:
            name: comp-a
        """, 6), """
        FM1014 18:7 key `a` appears twice in this mapping
        """);
    Diagnostic d = o.diagnostics().get(0);
    assertEquals(15, d.related().get(0).span().line());
    assertEquals(7, d.related().get(0).span().column());
    assertEquals(1, Kfp.pipeline(o).root().nodes().size());
  }

  @Test
  void wrongShapesAreErrorsNotCrashes() {
    Outcome<Pipeline> o = check(BASE.substring(0, BASE.indexOf("    tasks:")) + "    tasks: [a, b]\n", """
        FM1006 14:12 `tasks` of `dag` of `root` of the pipeline spec must be a mapping, found a sequence
        """);
    assertEquals(List.of(), Kfp.pipeline(o).root().nodes());
    assertFalse(o.ok());
  }

  @Test
  void diagnosticsAreSortedByPosition() {
    Outcome<Pipeline> o = check(BASE.replace("2.1.0", "9.9.9").replace("name: comp-a\n", "name: comp-x\n") + "zzz: 1\n", """
        FM1011 3:16 schema version `9.9.9`
        FM1007 17:17 refers to component `comp-x`
        FM1004 18:1 unknown field `zzz`
        """);
    assertTrue(o.hasErrors());
  }

  @Test
  void aKeyWithALineBreakIsReportedNotThrown() {
    var outcome = new KfpV2Reader().read(new io.flytemigrate.ir.diag.SourceFile("p.yaml", "\"odd\\nkey\": 1\npipelineInfo: {name: x}\nroot: {dag: {tasks: {}}}\nschemaVersion: 2.1.0\n"));
    org.junit.jupiter.api.Assertions.assertTrue(outcome.diagnostics().stream().anyMatch(d -> d.message().contains("odd\\nkey")),
        () -> outcome.diagnostics().toString());
  }
}

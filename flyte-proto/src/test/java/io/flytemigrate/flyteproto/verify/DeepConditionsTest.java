package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyteproto.Translation;
import io.flytemigrate.flyteproto.write.PackageOptions;
import io.flytemigrate.ir.diag.Diagnostic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Conditions nested as deep as the reader keeps them (100 levels; deeper is FM1002 in the reader)
 * read back clean: every level's branch node is found, and every case's condition compares equal
 * to its source, however many workflow boundaries its input crosses on the way to the pipeline's
 * parameter.
 */
class DeepConditionsTest {

  @Test
  void thirtyFourLevelsVerifyClean() {
    assertClean(34);
  }

  @Test
  void aHundredLevelsVerifyClean() {
    assertClean(100);
  }

  private static void assertClean(int depth) {
    Translation t = Translation.ofText("nested-" + depth + ".yaml", nestedConditions(depth), LoweringOptions.DEFAULT,
        PackageOptions.DEFAULT);
    List<Diagnostic> ds = Verifier.verify("flyte-package.tgz", t.pkg().bytes(), t.pipeline(), Optional.of(t.lowered().parity()));
    assertEquals(List.of(), ds, () -> ds.size() + " findings, the first: " + ds.get(0));
    assertTrue(Verifier.passed(ds));
  }

  /** A root task entering `comp-condition-1`, whose dag enters `comp-condition-2`, and so on, down to one task. */
  static String nestedConditions(int depth) {
    StringBuilder b = new StringBuilder("components:\n");
    for (int i = 1; i <= depth; i++) {
      b.append("  comp-condition-").append(i).append(":\n    dag:\n      tasks:\n");
      if (i < depth) {
        conditionTask(b, "        ", i + 1, "componentInputParameter: pipelinechannel--x");
      } else {
        b.append("        echo:\n          componentRef:\n            name: comp-echo\n");
        b.append("          taskInfo:\n            name: echo\n");
      }
      b.append("    inputDefinitions:\n      parameters:\n        pipelinechannel--x:\n");
      b.append("          parameterType: STRING\n");
    }
    b.append("  comp-echo:\n    executorLabel: exec-echo\n");
    b.append("deploymentSpec:\n  executors:\n    exec-echo:\n      container:\n        image: busybox\n");
    b.append("pipelineInfo:\n  name: nested\nroot:\n  dag:\n    tasks:\n");
    conditionTask(b, "      ", 1, "componentInputParameter: x");
    b.append("  inputDefinitions:\n    parameters:\n      x:\n        parameterType: STRING\n");
    b.append("schemaVersion: 2.1.0\n");
    return b.toString();
  }

  private static void conditionTask(StringBuilder b, String pad, int level, String source) {
    b.append(pad).append("condition-").append(level).append(":\n");
    b.append(pad).append("  componentRef:\n").append(pad).append("    name: comp-condition-").append(level).append('\n');
    b.append(pad).append("  inputs:\n").append(pad).append("    parameters:\n");
    b.append(pad).append("      pipelinechannel--x:\n").append(pad).append("        ").append(source).append('\n');
    b.append(pad).append("  taskInfo:\n").append(pad).append("    name: condition-").append(level).append('\n');
    b.append(pad).append("  triggerPolicy:\n").append(pad)
        .append("    condition: inputs.parameter_values['pipelinechannel--x'] == 'a'\n");
  }
}

package io.flytemigrate.bench.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Well-formed text with a hostile structure: duplicate keys, names that look like paths, and
 * control flow nested ten thousand levels deep through components (which YAML depth limits do
 * not see, because every component sits at the same YAML depth).
 */
class StructureTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void aDuplicateKeyInYamlIsAnErrorAtTheSecondKey() throws IOException {
    Path f = write("dup.yaml", Specs.HELLO.replace("  name: echo\nroot:", "  name: echo\n  name: other\nroot:"));
    Cli r = Cli.inspect(f.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(f + ":12:3: error[FM1014]: key `name` appears twice in this mapping\n"), r::toString);
  }

  @Test
  void aDuplicateTopLevelSectionInYaml() throws IOException {
    Path f = write("dup-root.yaml", Specs.HELLO + "schemaVersion: 2.0.0\n");
    Cli r = Cli.inspect(f.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(f + ":21:1: error[FM1014]: key `schemaVersion` appears twice in this mapping"), r::toString);
  }

  @Test
  void aDuplicateKeyInJsonIsAnErrorAtTheSecondKey() throws IOException {
    Path f = write("dup.json", Specs.HELLO_JSON.replace("\"pipelineInfo\": {\"name\": \"echo\"}",
        "\"pipelineInfo\": {\"name\": \"echo\", \"name\": \"other\"}"));
    Cli r = Cli.inspect(f.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith(f + ":4:36: error[FM1014]: key `name` appears twice in this object"), r::toString);
  }

  @Test
  void aDuplicateTaskIsReportedOnce() throws IOException {
    String twice = Specs.HELLO.replace("        taskInfo:\n          name: echo\n",
        "        taskInfo:\n          name: echo\n      echo:\n        componentRef:\n          name: comp-echo\n");
    Path f = write("twice.yaml", twice);
    Cli r = Cli.inspect(f.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals(f + ":20:7: error[FM1014]: key `echo` appears twice in this mapping\n"
        + "  = help: remove one of them; yaml loaders disagree on which one wins\n", r.err(), r::toString);
  }

  /** `inspect` writes nothing, so names that look like paths are only names: printed, quoted. */
  @Test
  void namesWithPathSeparatorsAndDotDotAreJustNames() throws IOException {
    String hostile = Specs.HELLO
        .replace("name: echo\nroot", "name: ../../etc/passwd\nroot")
        .replace("comp-echo", "comp-..\\x")
        .replace("    echo:\n", "    ../up/../../task:\n");
    Path f = write("names.yaml", hostile);
    Cli r = Cli.inspect(f.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("name: \"../../etc/passwd\""), r::toString);
    assertTrue(r.out().contains("id: \"../up/../../task\""), r::toString);
    assertTrue(r.out().contains("id: \"comp-..\\\\x\""), r::toString);
    assertFalse(Files.exists(dir.resolve("../up")), "nothing is written");
  }

  /** A quoted key may hold a line break; the warning about it must still be one line. */
  @Test
  void anUnknownKeyWithALineBreak() throws IOException {
    Path f = write("key.yaml", Specs.HELLO.replace("  name: echo\nroot:", "  name: echo\n  \"odd\\nkey\": 1\nroot:"));
    Cli r = Cli.inspect(f.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().startsWith(f + ":12:3: warning[FM1004]: unknown field `odd"), r::toString);
    assertEquals(2, r.err().split("\n").length, "one line and its help: " + r);
  }

  /** A condition cut short is outside the CEL subset: kept as text with a warning (FM1018). */
  @Test
  void aConditionThatStopsAfterABracket() throws IOException {
    Path f = write("cut.yaml", Specs.HELLO.replace("        taskInfo:\n          name: echo\n",
        "        taskInfo:\n          name: echo\n        triggerPolicy:\n          condition: inputs.parameter_values[\n"));
    Cli r = Cli.inspect(f.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.err().startsWith(f + ":21:22: warning[FM1018]: condition `inputs.parameter_values[` could not be parsed"),
        r::toString);
  }

  @Test
  void aYamlMergeKeyIsReportedNotFollowed() throws IOException {
    Path f = write("merge.yaml", "base: &b {name: x}\npipelineInfo:\n  <<: *b\n" + Specs.HELLO.replace("pipelineInfo:\n  name: echo\n", ""));
    Cli r = Cli.inspect(f.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(f + ":3:3: error[FM1006]: yaml merge keys (`<<`) are not used in pipeline specs and are ignored"),
        r::toString);
  }

  /**
   * Conditions ten thousand levels deep, each the body of the one above: a pipeline no compiler
   * writes, small as YAML (each component is at depth 2), deep as a graph. The reader inlines
   * control-flow bodies recursively; it reports the depth past its limit (FM1002) and leaves the
   * rest out, so neither `inspect` nor `convert` (validators, lowering, package) overflows.
   */
  @Test
  void tenThousandNestedConditions() throws IOException {
    Path f = write("nested.yaml", nestedConditions(10_000));
    for (Cli r : List.of(Cli.inspect(f.toString()),
        Cli.run("convert", f.toString(), "-o", dir.resolve("out").toString(), "--diagnostics", "short"))) {
      assertFalse(r.err().contains("FM0005"), r::toString);
      assertFalse(r.err().contains("internal error"), r::toString);
      assertEquals(1, r.exit(), r::toString);
      assertTrue(r.err().contains(": error[FM1002]: control flow nests deeper than 100 levels at component"
          + " `comp-condition-101`"), r::toString);
    }
  }

  /** The deepest nesting the reader keeps goes through every later stage of `convert` cleanly. */
  @Test
  void aHundredNestedConditionsConvertCleanly() throws IOException {
    Path f = write("hundred.yaml", nestedConditions(100));
    Cli r = Cli.run("convert", f.toString(), "-o", dir.resolve("out").toString(), "--diagnostics", "short");
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.err().contains("error["), r::toString);
    assertTrue(r.out().startsWith("wrote "), r::toString);
  }

  @Test
  void thirtyNestedConditionsConvertCleanly() throws IOException {
    Path f = write("thirty.yaml", nestedConditions(30));
    Cli r = Cli.run("convert", f.toString(), "-o", dir.resolve("out").toString(), "--diagnostics", "short");
    assertEquals(0, r.exit(), r::toString);
    assertFalse(r.err().contains("error["), r::toString);
    assertTrue(r.out().startsWith("wrote "), r::toString);
  }

  @Test
  void fiftyNestedConditionsAreFine() throws IOException {
    Cli r = Cli.inspect(write("nested.yaml", nestedConditions(50)).toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.err(), r::toString);
  }

  /** A root task entering `comp-condition-1`, whose dag enters `comp-condition-2`, and so on. */
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

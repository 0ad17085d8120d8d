package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs a migration meets in the wild, through the real command: each exits 1 with a
 * diagnostic at a line and column, never an internal error or a stack trace.
 */
class HostileInputsTest {
  private static final String HELLO = """
      components:
        comp-echo:
          executorLabel: exec-echo
      deploymentSpec:
        executors:
          exec-echo:
            container:
              image: busybox
              command: [echo]
      pipelineInfo:
        name: echo
      root:
        dag:
          tasks:
            echo:
              componentRef:
                name: comp-echo
              taskInfo:
                name: echo
      schemaVersion: 2.1.0
      """;

  @TempDir Path dir;

  private Cli inspect(String name, byte[] content) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content);
    return Cli.run("inspect", f.toString(), "--diagnostics", "short");
  }

  private Cli inspect(String name, String content) throws IOException {
    return inspect(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(Cli r, String code, String location) {
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(location + ": error[" + code + "]"), r::toString);
    assertFalse(r.err().contains("internal error"), r::toString);
    assertFalse(r.err().contains("\tat "), r::toString);
  }

  @Test
  void theBaselineIsAccepted() throws IOException {
    Cli r = inspect("ok.yaml", HELLO);
    assertEquals(0, r.exit(), r::toString);
  }

  @Test
  void malformedYaml() throws IOException {
    Cli r = inspect("bad.yaml", HELLO.replace("  name: echo\nroot:", "  name: \"echo\nroot:"));
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().matches("(?s).*bad\\.yaml:[0-9]+:[0-9]+: error\\[FM1001\\]: invalid yaml.*"), r::toString);
  }

  @Test
  void yamlAliasBomb() throws IOException {
    var b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      char p = (char) (c - 1);
      b.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        b.append(i == 0 ? "" : ",").append('*').append(p);
      }
      b.append("]\n");
    }
    Cli r = inspect("bomb.yaml", "pipelineInfo: {name: x}\n" + b);
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("error[FM1002]"), r::toString);
  }

  @Test
  void nestingTwoHundredDeep() throws IOException {
    String deep = "[".repeat(200) + "]".repeat(200);
    Cli r = inspect("deep.yaml", "pipelineInfo: {name: x}\nschemaVersion: 2.1.0\nroot: " + deep + "\n");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(":3:") && r.err().contains("error[FM1002]"), r::toString);
  }

  @Test
  void nestingTwoHundredDeepInJson() throws IOException {
    String deep = "[".repeat(200) + "]".repeat(200);
    Cli r = inspect("deep.json", "{\"pipelineInfo\": {\"name\": \"x\"}, \"root\": " + deep + "}");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("error[FM1002]"), r::toString);
  }

  @Test
  void aFiftyMegabyteFile() throws IOException {
    Path f = dir.resolve("big.yaml");
    byte[] line = "# padding padding padding padding padding padding padding padding padding\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(HELLO.getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < 50L * 1000 * 1000; written += line.length) {
        out.write(line);
      }
    }
    Cli r = Cli.run("inspect", f.toString(), "--diagnostics", "short");
    assertRejected(r, "FM0003", f + ":1:1");
  }

  @Test
  void invalidUtf8() throws IOException {
    byte[] text = HELLO.getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[text.length + 2];
    System.arraycopy(text, 0, bad, 0, text.length);
    bad[text.length] = (byte) 0xC3;
    bad[text.length + 1] = (byte) 0x28;
    Cli r = inspect("latin.yaml", bad);
    assertRejected(r, "FM0002", dir.resolve("latin.yaml") + ":21:1");
  }

  @Test
  void aNulByte() throws IOException {
    Cli r = inspect("nul.yaml", HELLO.replace("busybox", "busy\0box"));
    assertRejected(r, "FM0002", dir.resolve("nul.yaml") + ":8:20");
  }

  @Test
  void aMissingComponent() throws IOException {
    Cli r = inspect("nocomp.yaml", HELLO.replace("name: comp-echo", "name: comp-missing"));
    assertRejected(r, "FM1007", dir.resolve("nocomp.yaml") + ":17:17");
  }

  @Test
  void aMissingTask() throws IOException {
    Cli r = inspect("notask.yaml", HELLO.replace("        taskInfo:\n", "        dependentTasks: [nowhere]\n        taskInfo:\n"));
    assertRejected(r, "FM1008", dir.resolve("notask.yaml") + ":18:25");
  }

  @Test
  void windowsLineEndingsAndABomAreFine() throws IOException {
    Cli r = inspect("crlf.yaml", "\uFEFF" + HELLO.replace("\n", "\r\n"));
    assertEquals(0, r.exit(), r::toString);
  }
}

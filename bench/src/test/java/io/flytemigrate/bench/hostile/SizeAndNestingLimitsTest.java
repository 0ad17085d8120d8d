package io.flytemigrate.bench.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.cli.InputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to exhaust memory or stack: alias bombs, huge files, very deep nesting. Each is
 * refused with one error diagnostic and exit code 1, never an internal error.
 */
class SizeAndNestingLimitsTest {
  private static final String TOO_LARGE = "error[FM0003]";
  private static final String LIMIT = "error[FM1002]";

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  private static void assertRefused(Cli r, String location, String code) {
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(location + ": " + code + ": "), r::toString);
    assertFalse(r.err().contains("FM0005"), r::toString);
    assertEquals("", r.out(), r::toString);
  }

  @Test
  void aBillionLaughsAliasBombIsRefusedByTheAliasLimit() throws IOException {
    StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      b.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        b.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      }
      b.append("]\n");
    }
    Path f = write("laughs.yaml", "schemaVersion: 2.1.0\n" + b);
    Cli r = Cli.inspect(f.toString());
    // SnakeYAML's alias limit carries no position, so the finding is at the file (see the report).
    assertRefused(r, f + ":1:1", LIMIT);
    assertTrue(r.err().contains("more than 50 aliases to collections"), r::toString);
  }

  /** Two aliases per level stay under the alias limit, yet double the tree each level: 2^24 nodes. */
  @Test
  void anAliasBombUnderTheAliasLimitIsRefusedByTheExpandedNodeLimit() throws IOException {
    StringBuilder b = new StringBuilder("schemaVersion: 2.1.0\nl0: &l0 [x, x]\n");
    for (int i = 1; i <= 24; i++) {
      b.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    }
    Path f = write("doubling.yaml", b.toString());
    Cli r = Cli.inspect(f.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(": " + LIMIT + ": the yaml expands to more than 2000000 nodes through aliases"), r::toString);
    assertFalse(r.err().contains("FM0005"), r::toString);
  }

  @Test
  void aHundredMegabyteFileIsRefusedByItsSizeBeforeItIsRead() throws IOException {
    // A sparse file of NUL bytes: were it read, it would be refused as binary (FM0002), not by size.
    Path f = dir.resolve("huge.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(100L * 1024 * 1024);
    }
    Cli r = Cli.inspect(f.toString());
    assertRefused(r, f + ":1:1", TOO_LARGE);
    assertTrue(r.err().contains("is 104857600 bytes, more than the limit of 16777216 bytes (16 MiB)"), r::toString);
  }

  @Test
  void aHundredMegabytesOfRealYamlIsRefusedBySize() throws IOException {
    Path f = dir.resolve("padded.yaml");
    byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n"
        .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(Specs.HELLO.getBytes(StandardCharsets.UTF_8));
      for (long n = 0; n < 100L * 1024 * 1024; n += line.length) {
        out.write(line);
      }
    }
    assertRefused(Cli.inspect(f.toString()), f + ":1:1", TOO_LARGE);
  }

  @Test
  void oneByteOverTheLimitIsRefused() throws IOException {
    Path f = dir.resolve("over.yaml");
    Files.write(f, padded(InputFiles.MAX_BYTES + 1));
    assertRefused(Cli.inspect(f.toString()), f + ":1:1", TOO_LARGE);
  }

  @Test
  void aFileOfExactlyTheLimitIsRead() throws IOException {
    Path f = dir.resolve("limit.yaml");
    Files.write(f, padded(InputFiles.MAX_BYTES));
    Cli r = Cli.inspect(f.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("Pipeline @1:1"), r::toString);
  }

  @Test
  void tenThousandDeepFlowSequencesInYaml() throws IOException {
    Path f = write("deep.yaml", "schemaVersion: 2.1.0\nroot: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    Cli r = Cli.inspect(f.toString());
    // Past 1,000 levels SnakeYAML's own backstop fires first, and it has no position: 1:1.
    assertRefused(r, f + ":1:1", LIMIT);
    assertTrue(r.err().contains("the yaml has nesting deeper than 100 levels"), r::toString);
  }

  @Test
  void tenThousandDeepFlowMappingsInYaml() throws IOException {
    Path f = write("deep-map.yaml", "schemaVersion: 2.1.0\nroot: " + "{a: ".repeat(10_000) + "x" + "}".repeat(10_000) + "\n");
    assertRefused(Cli.inspect(f.toString()), f + ":1:1", LIMIT);
  }

  @Test
  void tenThousandDeepArraysInJson() throws IOException {
    Path f = write("deep.json", "{\"schemaVersion\": \"2.1.0\", \"root\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}");
    Cli r = Cli.inspect(f.toString());
    assertRefused(r, f + ":1:1", LIMIT);
    assertTrue(r.err().contains("the json exceeds a safety limit"), r::toString);
  }

  @Test
  void tenThousandDeepObjectsInJson() throws IOException {
    Path f = write("deep-obj.json", "{\"schemaVersion\": \"2.1.0\", \"root\": " + "{\"a\": ".repeat(10_000) + "1"
        + "}".repeat(10_000) + "}");
    assertRefused(Cli.inspect(f.toString()), f + ":1:1", LIMIT);
  }

  /** {@link Specs#HELLO} followed by comment lines up to exactly {@code size} bytes. */
  private static byte[] padded(long size) {
    byte[] head = Specs.HELLO.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[(int) size];
    System.arraycopy(head, 0, out, 0, head.length);
    int i = head.length;
    while (i < out.length) {
      int lineEnd = Math.min(out.length - 1, i + 79);
      out[i] = '#';
      for (int j = i + 1; j < lineEnd; j++) {
        out[j] = ' ';
      }
      out[lineEnd] = '\n';
      i = lineEnd + 1;
    }
    return out;
  }
}

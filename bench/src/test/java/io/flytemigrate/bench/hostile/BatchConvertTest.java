package io.flytemigrate.bench.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a batch `convert` meets: a directory of ten thousand empty files, an output path that is
 * a file, names that look like paths, and links inside an input directory. Each gets an exact
 * answer, and nothing is ever written outside OUT.
 */
class BatchConvertTest {
  @TempDir Path dir;

  private static Cli convert(Path in, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("convert", in.toString(), "-o", out.toString(),
        "--diagnostics", "short", "--progress", "none"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void tenThousandEmptyFilesAreOneBatchOfFailures() throws IOException {
    Path batch = Files.createDirectory(dir.resolve("batch"));
    for (int i = 0; i < 10_000; i++) {
      Files.createFile(batch.resolve(String.format("p%05d.yaml", i)));
    }
    Path out = dir.resolve("out");
    Cli r = convert(batch, out, "--jobs", "2");
    assertEquals(1, r.exit(), r::toString);
    long errors = r.err().lines().filter(l -> l.contains(": error[FM1003]: ")).count();
    assertEquals(10_000, errors, r::toString);
    // A directory named on the command line is shown by its name, its files below it.
    assertTrue(r.err().contains("\nbatch/p04711.yaml:1:1: error[FM1003]: "), r::toString);
    assertTrue(r.out().contains("inputs            10000\n  converted           0\n  failed          10000\n"), r::toString);
    String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
    assertTrue(summary.contains("\"inputs\": 10000,\n    \"converted\": 0,\n    \"failed\": 10000,"),
        () -> summary.substring(0, 300));
  }

  @Test
  void anOutputPathThatIsAFileIsRefusedAndLeftAlone() throws IOException {
    Path in = Files.writeString(dir.resolve("hello.yaml"), Specs.HELLO, StandardCharsets.UTF_8);
    Path out = Files.writeString(dir.resolve("out"), "not a directory\n", StandardCharsets.UTF_8);
    Cli r = convert(in, out, "--force");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(out + ": error[FM5006]: cannot write `" + out + "`: "), r::toString);
    assertEquals("not a directory\n", Files.readString(out, StandardCharsets.UTF_8));
    assertEquals(List.of(in, out), filesBelow(dir));
  }

  /** Pipeline, component and task names with `..` and separators name things; they are never paths. */
  @Test
  void namesThatLookLikePathsWriteNothingOutsideOut() throws IOException {
    String hostile = Specs.HELLO
        .replace("name: echo\nroot", "name: ../../escape\nroot")
        .replace("comp-echo", "comp-../../x")
        .replace("    echo:\n", "    ../up/../../task:\n");
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.writeString(in.resolve("names.yaml"), hostile, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("second.yaml"), hostile.replace("../../escape", "/etc/passwd"), StandardCharsets.UTF_8);
    Path out = dir.resolve("nested/out");
    Cli r = convert(in, out);
    assertTrue(r.exit() == 0 || r.exit() == 1, r::toString);
    assertFalse(r.err().contains("internal error"), r::toString);
    for (Path p : filesBelow(dir)) {
      assertTrue(p.startsWith(in) || p.startsWith(out), () -> "written outside OUT: " + p);
    }
    assertTrue(Files.isRegularFile(out.resolve("summary.json")), r::toString);
  }

  /** A link to a file in an input directory is read; a link to a directory is not followed. */
  @Test
  void linksInAnInputDirectory() throws IOException {
    Path in = Files.createDirectory(dir.resolve("in"));
    Path real = Files.writeString(in.resolve("real.yaml"), Specs.HELLO, StandardCharsets.UTF_8);
    Files.createSymbolicLink(in.resolve("link.yaml"), real);
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("other.yaml"), Specs.HELLO.replace("name: echo\nroot", "name: other\nroot"),
        StandardCharsets.UTF_8);
    Files.createSymbolicLink(in.resolve("sub"), elsewhere);
    Files.createSymbolicLink(in.resolve("dangling.yaml"), dir.resolve("nowhere.yaml"));
    Cli r = convert(in, dir.resolve("out"));
    assertTrue(r.err().contains("in/sub: note[FM0006]: `in/sub` is a link to a directory, which is not followed"),
        r::toString);
    assertTrue(r.err().contains("in/dangling.yaml: note[FM0006]: `in/dangling.yaml` is a link to nothing that can be read"),
        r::toString);
    assertTrue(r.out().contains("  converted           2\n"), r::toString);
    assertFalse(r.out().contains("other"), r::toString);
    assertEquals(0, r.exit(), r::toString);
  }

  private static List<Path> filesBelow(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
  }
}

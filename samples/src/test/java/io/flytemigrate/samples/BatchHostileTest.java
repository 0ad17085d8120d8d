package io.flytemigrate.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs that only a batch meets (issue #9): a directory of ten thousand empty files,
 * symbolic links in input directories (to files, to directories, in cycles), pipeline names that
 * look like paths, and an output directory that cannot be written. Every input is reported in
 * {@code summary.json}, nothing is written outside OUT, and a failed write leaves OUT as it was.
 */
class BatchHostileTest {
  /** A KFP v2 pipeline of one container task; {@code %s} is the pipeline's name. */
  private static final String PIPELINE = """
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
        name: '%s'
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

  /** An Airflow DAG file of one Bash task; {@code %s} is the DAG id. */
  private static final String DAG = """
      import pendulum

      from airflow import DAG
      from airflow.operators.bash import BashOperator

      with DAG(
          dag_id="%s",
          start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
          schedule=None,
      ) as dag:
          BashOperator(task_id="hello", bash_command="echo hi")
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static Cli convert(Path out, Path... inputs) {
    List<String> args = new ArrayList<>(List.of("convert"));
    for (Path in : inputs) {
      args.add(in.toString());
    }
    args.addAll(List.of("-o", out.toString(), "--diagnostics", "short", "--progress", "none"));
    return Cli.run(args.toArray(String[]::new));
  }

  /** The inputs of {@code summary.json}: path to status and diagnostic codes (with severities). */
  private static Map<String, String> summary(Path out) throws IOException {
    Map<String, Object> s = BatchCorpusTest.Json.object(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8));
    Map<String, String> byPath = new TreeMap<>();
    for (Map<String, Object> in : BatchCorpusTest.Json.objects(s.get("inputs"))) {
      List<String> codes = new ArrayList<>();
      for (Map<String, Object> d : BatchCorpusTest.Json.objects(in.get("diagnostics"))) {
        codes.add(d.get("severity") + "[" + d.get("code") + "]");
      }
      String previous = byPath.put((String) in.get("path"), in.get("status") + " " + codes);
      assertEquals(null, previous, "one input per file here: " + in.get("path"));
    }
    return byPath;
  }

  // ---------------------------------------------------------------- ten thousand empty files

  /**
   * Half of them {@code .yaml}, which claim to be pipeline files and fail (an empty file holds no
   * YAML document: the KFP v2 reader's FM1003), half without an extension, which are passed over
   * with a note; the batch goes on to the end and reports every one.
   */
  @Test
  void aDirectoryOfTenThousandEmptyFiles() throws IOException {
    Path batch = Files.createDirectory(dir.resolve("batch"));
    for (int i = 0; i < 10_000; i++) {
      Files.createFile(batch.resolve(String.format("p%05d%s", i, i % 2 == 0 ? ".yaml" : "")));
    }
    Path out = dir.resolve("out");
    Cli r = convert(out, batch);
    assertEquals(1, r.exit(), () -> BatchCorpusTest.brief(r));
    assertFalse(r.err().contains("FM0005"), () -> BatchCorpusTest.brief(r));
    assertTrue(r.err().contains("batch/p04710.yaml:1:1: error[FM1003]: the file holds no yaml document"),
        () -> BatchCorpusTest.brief(r));
    assertTrue(r.err().contains("batch/p04711: note[FM0006]: `batch/p04711` is not a pipeline file: no reader recognises it"),
        () -> BatchCorpusTest.brief(r));
    Map<String, String> inputs = summary(out);
    assertEquals(10_000, inputs.size());
    for (int i = 0; i < 10_000; i++) {
      String path = String.format("batch/p%05d%s", i, i % 2 == 0 ? ".yaml" : "");
      assertEquals(i % 2 == 0 ? "failed [error[FM1003]]" : "skipped [note[FM0006]]", inputs.get(path), path);
    }
    assertTrue(r.out().matches("(?s)inputs +10000\n  converted +0\n  failed +5000\n  skipped +5000\n.*"), r::out);
    String junit = Files.readString(out.resolve("junit.xml"), StandardCharsets.UTF_8);
    assertTrue(junit.contains("<testsuite name=\"flyte-migrate convert\" tests=\"10000\" failures=\"5000\" errors=\"0\""
        + " skipped=\"5000\""), junit.substring(0, Math.min(400, junit.length())));
    assertFalse(Files.exists(out.resolve("flyte-package.tgz")), "nothing converted, so there is no package");
  }

  // ---------------------------------------------------------------- symbolic links

  /**
   * A link to a file is followed and shown by the link's path; links to directories (one of them a
   * cycle back to the directory itself) are not followed, with a note; two links pointing at each
   * other lead nowhere and get a note. The walk ends (the timeout only guards against a hang).
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void symlinksInAnInputDirectory() throws IOException {
    Path real = write("elsewhere/real.yaml", PIPELINE.formatted("linked"));
    write("elsewhere/sub/inner.yaml", PIPELINE.formatted("inner"));
    Path in = Files.createDirectories(dir.resolve("in"));
    write("in/plain.yaml", PIPELINE.formatted("plain"));
    Files.createSymbolicLink(in.resolve("link.yaml"), in.relativize(real));
    Files.createSymbolicLink(in.resolve("dirlink"), in.relativize(dir.resolve("elsewhere/sub")));
    Files.createSymbolicLink(in.resolve("self"), Path.of("."));
    Files.createSymbolicLink(in.resolve("up"), Path.of(".."));
    Files.createSymbolicLink(in.resolve("loop1.yaml"), Path.of("loop2.yaml"));
    Files.createSymbolicLink(in.resolve("loop2.yaml"), Path.of("loop1.yaml"));
    Path out = dir.resolve("out");
    Cli run = convert(out, in);
    assertEquals(0, run.exit(), () -> BatchCorpusTest.brief(run));
    Map<String, String> inputs = summary(out);
    assertEquals(new TreeSet<>(List.of("in/dirlink", "in/link.yaml", "in/loop1.yaml", "in/loop2.yaml", "in/plain.yaml",
        "in/self", "in/up")), inputs.keySet());
    assertEquals("converted []", inputs.get("in/link.yaml"));
    assertEquals("converted []", inputs.get("in/plain.yaml"));
    for (String skipped : List.of("in/dirlink", "in/self", "in/up", "in/loop1.yaml", "in/loop2.yaml")) {
      assertEquals("skipped [note[FM0006]]", inputs.get(skipped), skipped);
    }
    assertTrue(run.err().contains("in/dirlink: note[FM0006]: `in/dirlink` is a link to a directory, which is not followed"),
        () -> BatchCorpusTest.brief(run));
    assertTrue(run.err().contains("in/self: note[FM0006]: `in/self` is a link to a directory, which is not followed"),
        () -> BatchCorpusTest.brief(run));
    assertTrue(run.err().contains("in/loop1.yaml: note[FM0006]: `in/loop1.yaml` is a link to nothing that can be read"),
        () -> BatchCorpusTest.brief(run));
    String manifest = Files.readString(out.resolve("flyte-migrate.json"), StandardCharsets.UTF_8);
    assertTrue(manifest.contains("\"input\": \"in/link.yaml\""), manifest);
    assertFalse(manifest.contains("inner"), "a linked directory was followed:\n" + manifest);
    assertTrue(Files.isRegularFile(out.resolve("linked/workflows/linked.py")));
  }

  /**
   * A link to a directory that the user names as an INPUT is what they asked for, like {@code find
   * -H}: it should be searched. Today the walk treats it as a link found inside a directory.
   */
  @Test
  void aLinkToADirectoryNamedAsAnInputIsSearched() throws IOException {
    write("elsewhere/real.yaml", PIPELINE.formatted("linked"));
    Path link = Files.createSymbolicLink(dir.resolve("in"), Path.of("elsewhere"));
    Path out = dir.resolve("out");
    Cli r = convert(out, link);
    assertEquals(0, r.exit(), () -> BatchCorpusTest.brief(r));
    assertEquals(Map.of("in/real.yaml", "converted []"), summary(out));
  }

  // ---------------------------------------------------------------- names that look like paths

  /**
   * Pipelines named {@code ../../evil}, {@code a/b}, {@code /etc/passwd} and {@code ..}, and an
   * Airflow DAG with id {@code ../up/evil}: each becomes a Python package inside OUT, and nothing
   * is written anywhere else.
   */
  @Test
  void pipelineNamesThatLookLikePathsStayInsideOut() throws IOException {
    write("work/in/up.yaml", PIPELINE.formatted("../../evil"));
    write("work/in/slash.yaml", PIPELINE.formatted("a/b"));
    write("work/in/absolute.yaml", PIPELINE.formatted("/etc/passwd"));
    write("work/in/dots.yaml", PIPELINE.formatted(".."));
    write("work/in/dag.py", DAG.formatted("../up/evil"));
    Set<String> before = listing(dir);
    Path out = dir.resolve("work/deep/out");
    Cli r = convert(out, dir.resolve("work/in"));
    assertEquals(0, r.exit(), () -> BatchCorpusTest.brief(r));
    Map<String, String> inputs = summary(out);
    assertEquals(5, inputs.size(), inputs::toString);
    inputs.forEach((path, status) -> assertTrue(status.startsWith("converted"), path + " " + status));

    Set<String> outside = listing(dir);
    outside.removeAll(before);
    outside.removeIf(p -> p.equals("work/deep") || p.equals("work/deep/out") || p.startsWith("work/deep/out/"));
    assertEquals(Set.of(), outside, "written outside OUT");

    Map<String, byte[]> tree = BatchCorpusTest.tree(out);
    tree.keySet().forEach(p -> BatchCorpusTest.assertSafe(p, "OUT"));
    Map<String, Object> manifest = BatchCorpusTest.Json.object(Files.readString(out.resolve("flyte-migrate.json"),
        StandardCharsets.UTF_8));
    Set<String> packages = new TreeSet<>();
    for (Map<String, Object> p : BatchCorpusTest.Json.objects(manifest.get("pipelines"))) {
      String pkg = (String) p.get("pythonPackage");
      assertTrue(pkg.matches("[a-z_][a-z0-9_]*") && !pkg.equals("shared") && !pkg.equals("pipelines"), pkg);
      packages.add(pkg);
      String workflow = (String) p.get("workflow");
      assertTrue(tree.containsKey(workflow.substring(0, workflow.lastIndexOf('.')).replace('.', '/') + ".py"), workflow);
    }
    assertEquals(5, packages.size(), packages::toString);
    for (String p : tree.keySet()) {
      String top = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
      assertTrue(packages.contains(top) || Set.of("pipelines", "shared").contains(top)
          || BatchCorpusTest.BATCH_FILES.contains(top), "unexpected output " + p);
    }
    List<String> entries = new ArrayList<>();
    BatchCorpusTest.Tar.walk("flyte-package.tgz", tree.get("flyte-package.tgz"), (name, content) -> entries.add(name));
    assertFalse(entries.isEmpty());
    for (String e : entries) {
      for (String part : e.split("!")) {
        BatchCorpusTest.assertSafe(part, "flyte-package.tgz");
      }
    }
  }

  /** Every path below {@code root}, relative, with {@code /}. */
  private static Set<String> listing(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      Set<String> out = new TreeSet<>();
      s.filter(p -> !p.equals(root)).forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
      return out;
    }
  }

  // ---------------------------------------------------------------- an output that cannot be written

  /** OUT below a regular file: a clear FM5006 error, exit 1, and nothing created. */
  @Test
  void anOutputBelowAFileIsAnErrorAndWritesNothing() throws IOException {
    write("in/p.yaml", PIPELINE.formatted("p"));
    write("in/q.yaml", PIPELINE.formatted("q"));
    Path file = write("blocker", "not a directory\n");
    Set<String> before = listing(dir);
    Path out = file.resolve("out");
    Cli r = convert(out, dir.resolve("in"));
    assertEquals(1, r.exit(), () -> BatchCorpusTest.brief(r));
    assertTrue(r.err().contains("error[FM5006]: cannot write `" + out + "`: "), () -> BatchCorpusTest.brief(r));
    assertTrue(r.err().contains("= help: nothing was written; check the path and its permissions"), () -> BatchCorpusTest.brief(r));
    assertEquals("", r.out(), "no summary of a write that did not happen");
    assertEquals(before, listing(dir));
    assertEquals("not a directory\n", Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * OUT exists, with an earlier conversion in it, in a directory nobody may write to (read-only for
   * a user; immutable for root, whom permissions do not stop): {@code --force} fails with FM5006 and
   * exit 1, and OUT keeps exactly what it had, with no temporary directory left beside it.
   */
  @Test
  void anOutputInADirectoryThatCannotBeWrittenIsLeftAsItWas() throws IOException, InterruptedException {
    write("in/p.yaml", PIPELINE.formatted("p"));
    write("in/q.yaml", PIPELINE.formatted("q"));
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Path out = Files.createDirectories(locked.resolve("out"));
    Files.writeString(out.resolve("earlier.txt"), "an earlier conversion\n", StandardCharsets.UTF_8);
    Lock lock = Lock.of(locked);
    try {
      assumeTrue(lock.holds(), "cannot make a directory unwritable here (root without chattr)");
      Cli r = convert(out, dir.resolve("in"));
      Cli forced = Cli.run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--force", "--diagnostics",
          "short", "--progress", "none");
      for (Cli c : List.of(r, forced)) {
        assertEquals(1, c.exit(), () -> BatchCorpusTest.brief(c));
        assertTrue(c.err().contains("error[FM5006]: cannot write `" + out + "`: "), () -> BatchCorpusTest.brief(c));
        assertEquals("", c.out());
      }
      assertTrue(forced.err().matches("(?s).*cannot write `[^`]+`: (permission denied|operation not permitted).*"),
          () -> BatchCorpusTest.brief(forced));
    } finally {
      lock.release();
    }
    assertEquals(Set.of("out", "out/earlier.txt"), listing(locked), "no temporary directory is left beside OUT");
    assertEquals(Set.of("earlier.txt"), listing(out));
    assertEquals("an earlier conversion\n", Files.readString(out.resolve("earlier.txt"), StandardCharsets.UTF_8));
  }

  /** A directory made unwritable: read-only, or immutable ({@code chattr +i}) where read-only does not bind. */
  private record Lock(Path dir, boolean immutable, boolean holds) {
    static Lock of(Path dir) throws IOException, InterruptedException {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
      if (cannotWrite(dir)) {
        return new Lock(dir, false, true);
      }
      boolean immutable = chattr("+i", dir);
      return new Lock(dir, immutable, immutable && cannotWrite(dir));
    }

    void release() throws IOException, InterruptedException {
      if (immutable) {
        chattr("-i", dir);
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean cannotWrite(Path dir) {
      Path probe = dir.resolve(".probe");
      try {
        Files.createFile(probe);
        Files.delete(probe);
        return false;
      } catch (IOException e) {
        return true;
      }
    }

    private static boolean chattr(String flag, Path dir) throws InterruptedException {
      try {
        Process p = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        return false;
      }
    }
  }
}

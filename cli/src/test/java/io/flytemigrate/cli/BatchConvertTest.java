package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert} over directories and several files: isolation, sharing, naming, exit codes. */
class BatchConvertTest {
  /** A KFP v2 pipeline running one container component; {@code %s} is its name. */
  private static final String PIPELINE = """
      components:
        comp-say:
          executorLabel: exec-say
          inputDefinitions:
            parameters:
              text:
                parameterType: STRING
        comp-count:
          executorLabel: exec-count
      deploymentSpec:
        executors:
          exec-say:
            container:
              args:
              - '{{$.inputs.parameters[''text'']}}'
              command:
              - echo
              image: alpine:3.20
          exec-count:
            container:
              command:
              - %s
              image: alpine:3.20
      pipelineInfo:
        name: %s
      root:
        dag:
          tasks:
            say:
              componentRef:
                name: comp-say
              inputs:
                parameters:
                  text:
                    runtimeValue:
                      constant: hi
              taskInfo:
                name: say
            count:
              componentRef:
                name: comp-count
              dependentTasks:
              - say
              taskInfo:
                name: count
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.14.6
      """;

  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path f = dir.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static Cli run(String... args) {
    return Cli.run(args);
  }

  private static TreeMap<String, byte[]> tree(Path root) throws IOException {
    TreeMap<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static String text(TreeMap<String, byte[]> tree, String path) {
    assertTrue(tree.containsKey(path), () -> path + " is missing from " + tree.keySet());
    return new String(tree.get(path), StandardCharsets.UTF_8);
  }

  /** The names of the entries of a gzipped tar. */
  private static List<String> entries(byte[] tgz) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
      byte[] all = in.readAllBytes();
      int at = 0;
      while (at + 512 <= all.length && all[at] != 0) {
        String name = new String(all, at, 100, StandardCharsets.US_ASCII).replace("\0", "");
        String size = new String(all, at + 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim();
        names.add(name);
        at += 512 + (int) ((Long.parseLong(size, 8) + 511) / 512 * 512);
      }
    }
    return names;
  }

  @Test
  void twoPipelinesSharingAComponentGetOneTask() throws IOException {
    write("in/a.yaml", PIPELINE.formatted("wc", "alpha"));
    write("in/b.yaml", PIPELINE.formatted("ls", "beta"));
    Path out = dir.resolve("out");
    Cli r = run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--diagnostics", "short", "--progress", "none");
    assertEquals(0, r.exit(), r::toString);
    TreeMap<String, byte[]> files = tree(out);
    String shared = text(files, "shared/tasks.py");
    assertTrue(shared.contains("say = ContainerTask(\n    name=\"shared.tasks.say\",\n"), shared);
    assertFalse(shared.contains("count"), "components that differ are not shared: " + shared);
    for (String pkg : List.of("alpha", "beta")) {
      String wf = text(files, pkg + "/workflows/" + pkg + ".py");
      assertTrue(wf.contains("from shared import tasks as shared_tasks\n"), wf);
      assertTrue(wf.contains("say = shared_tasks.say(text=\"hi\").with_overrides(node_name=\"say\")"), wf);
      assertTrue(text(files, pkg + "/tasks.py").contains("name=\"" + pkg + ".tasks.count\""));
    }
    List<String> pkg = entries(files.get("flyte-package.tgz"));
    assertEquals(1, pkg.stream().filter(n -> n.contains("shared.tasks.say")).count(), pkg::toString);
    assertEquals(2, pkg.stream().filter(n -> n.contains(".tasks.count")).count(), pkg::toString);
    String summary = text(files, "summary.json").replaceAll("\\s+", "");
    // Inputs under a directory named by an absolute path show as that directory's name plus the rest.
    assertTrue(summary.contains("\"replaced\":[{\"input\":\"in/a.yaml\",\"component\":\"comp-say\"},"
        + "{\"input\":\"in/b.yaml\",\"component\":\"comp-say\"}]"), summary);
    assertTrue(text(files, "report.md").contains("## Shared tasks\n\n- `shared.tasks.say:"), text(files, "report.md"));
    assertTrue(files.containsKey("pipelines/alpha/report.md") && files.containsKey("pipelines/beta/parity.json"),
        files.keySet()::toString);
    assertTrue(r.out().contains("  shared tasks        1\n"), r.out());
  }

  private static io.flytemigrate.flyte.model.FlyteProject lower(String name, String text) {
    io.flytemigrate.ir.Pipeline p = new io.flytemigrate.kfp.KfpV2Reader()
        .read(new io.flytemigrate.ir.diag.SourceFile(name + ".yaml", text)).value().orElseThrow();
    return io.flytemigrate.flyte.lower.FlyteLowering.lower(p, io.flytemigrate.flyte.lower.LoweringOptions.DEFAULT)
        .value().orElseThrow().project();
  }

  private static String tasksModule(List<io.flytemigrate.ir.spi.OutputFile> files) {
    return files.stream().filter(f -> f.path().equals("shared/tasks.py")).findFirst()
        .map(f -> new String(f.content(), StandardCharsets.UTF_8)).orElseThrow();
  }

  /**
   * A pipeline's package is verified with the shared tasks it calls, not the whole shared package,
   * which grows with the batch (verifying a batch cost pipelines times shared tasks).
   */
  @Test
  void eachPipelineIsVerifiedWithOnlyTheSharedTasksItCalls() throws IOException {
    List<io.flytemigrate.flyte.model.FlyteProject> projects = List.of(lower("alpha", PIPELINE.formatted("wc", "alpha")),
        lower("beta", PIPELINE.formatted("wc", "beta")), lower("gamma", PIPELINE.formatted("ls", "gamma")));
    io.flytemigrate.flyte.lower.SharedTasks merged =
        io.flytemigrate.flyte.lower.SharedTasks.merge(projects, "shared", java.util.Optional.empty());
    io.flytemigrate.flyte.model.FlyteProject shared = merged.shared().orElseThrow();
    assertEquals(List.of("shared.tasks.say", "shared.tasks.count"), shared.tasks().stream().map(t -> t.id().name()).toList());
    String whole = tasksModule(io.flytemigrate.flyte.python.FlytekitProjectWriter.writeShared(shared));
    assertEquals(whole, tasksModule(BatchConversion.sharedFilesFor(merged.projects().get(0), shared)),
        "alpha calls both shared tasks");
    String gamma = tasksModule(BatchConversion.sharedFilesFor(merged.projects().get(2), shared));
    assertTrue(gamma.contains("name=\"shared.tasks.say\""), gamma);
    assertFalse(gamma.contains("shared.tasks.count"), gamma);
    // And the batch still verifies every pipeline, then the combined package as a whole.
    write("in/a.yaml", PIPELINE.formatted("wc", "alpha"));
    write("in/b.yaml", PIPELINE.formatted("wc", "beta"));
    write("in/c.yaml", PIPELINE.formatted("ls", "gamma"));
    Path out = dir.resolve("out");
    Cli r = run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--diagnostics", "short", "--progress", "none");
    assertEquals(0, r.exit(), r::toString);
    String written = text(tree(out), "shared/tasks.py");
    assertEquals(whole.substring(whole.indexOf('\n')), written.substring(written.indexOf('\n')),
        "OUT holds the whole shared package (the header names the inputs as typed)");
    Cli verified = run("verify", out.toString(), "--diagnostics", "short");
    assertEquals(0, verified.exit(), verified::toString);
  }

  /**
   * Two corpus pipelines whose loops both have a body named {@code for_loop_2_body}, with different
   * constants: in the combined package, each pipeline's loop is matched with its own body (the
   * read-back took the first in the package, and `verify OUT` failed on the whole corpus).
   */
  @Test
  void verifyMatchesEachPipelinesLoopWithItsOwnBody() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (String f : List.of("kfp/sdk_compiled_pipelines/valid/cross_loop_after_topology.yaml",
        "kfp/compiled-workflows/parallel_for_after_dependency.yaml")) {
      Files.copy(FlyteDagTest.corpus(f), in.resolve(f.substring(f.lastIndexOf('/') + 1)));
    }
    Path out = dir.resolve("out");
    Cli r = run("convert", in.toString(), "-o", out.toString(), "--progress", "none");
    assertEquals(0, r.exit(), r::toString);
    Cli verified = run("verify", out.toString(), "--diagnostics", "short");
    assertEquals(0, verified.exit(), verified::toString);
    assertEquals("`" + out + "/flyte-package.tgz` matches its 2 source pipelines\n", verified.out());
  }

  @Test
  void verifyChecksEveryPipelineOfABatchAgainstItsOnePackage() throws IOException {
    write("in/a.yaml", PIPELINE.formatted("wc", "alpha"));
    write("in/b.yaml", PIPELINE.formatted("ls", "beta"));
    Path out = dir.resolve("out");
    assertEquals(0, run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--progress", "none").exit());
    String manifest = Files.readString(out.resolve("flyte-migrate.json"));
    assertTrue(manifest.contains("\"source\": \"../in/a.yaml\""), manifest);
    Cli verified = run("verify", out.toString(), "--diagnostics", "short");
    assertEquals(0, verified.exit(), verified::toString);
    assertEquals("`" + out + "/flyte-package.tgz` matches its 2 source pipelines\n", verified.out());

    // A manifest that could not name its sources (OUT shared no directory with them) needs --sources.
    Files.writeString(out.resolve("flyte-migrate.json"), manifest.replace("\"source\": \"../in/a.yaml\"", "\"source\": null")
        .replace("\"source\": \"../in/b.yaml\"", "\"source\": null"));
    Cli lost = run("verify", out.toString(), "--diagnostics", "short");
    assertEquals(1, lost.exit(), lost::toString);
    assertTrue(lost.out().contains("was not verified"), lost::toString);
    Cli found = run("verify", out.toString(), "--sources", dir.toString());
    assertEquals(0, found.exit(), found::toString);
    Files.writeString(out.resolve("flyte-migrate.json"), manifest);

    // Changing a source after the conversion is caught.
    write("in/b.yaml", PIPELINE.formatted("ls", "beta").replace("dependentTasks:\n        - say\n", ""));
    Cli changed = run("verify", out.toString(), "--diagnostics", "short");
    assertEquals(1, changed.exit(), changed::toString);
    assertTrue(changed.out().contains("does not match 1 of its 2 source pipelines"), changed::toString);
  }

  @Test
  void oneBadFileNeverStopsTheBatch() throws IOException {
    write("in/good.yaml", PIPELINE.formatted("wc", "good"));
    write("in/broken.yaml", "pipelineInfo: [unclosed\n");
    write("in/README.md", "# not a pipeline\n");
    write("in/.git/config", "[core]\n");
    Path out = dir.resolve("out");
    Cli r = run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--diagnostics", "short", "--progress", "none");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("in/broken.yaml:"), r::toString);
    assertTrue(r.err().contains("in/README.md: note[FM0006]: `in/README.md` is not a pipeline file"), r::toString);
    assertFalse(r.err().contains(".git"), r::toString);
    TreeMap<String, byte[]> files = tree(out);
    assertTrue(files.containsKey("good/workflows/good.py"), files.keySet()::toString);
    String summary = text(files, "summary.json").replaceAll("\\s+", "");
    assertTrue(summary.contains("\"converted\":1,\"failed\":1,\"skipped\":1"), summary);
    String junit = text(files, "junit.xml");
    assertTrue(junit.contains("<testcase classname=\"in/broken.yaml\""), junit);
    assertTrue(junit.contains("<failure"), junit);

    Cli never = run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--force", "--fail-on", "never",
        "--progress", "none");
    assertEquals(0, never.exit(), never::toString);
  }

  @Test
  void failOnWarningAndStrictTurnWarningsAndDropsIntoExitOne() throws IOException {
    write("in/a.yaml", PIPELINE.formatted("wc", "alpha"));
    // A volume claim named at run time: flyte-migrate leaves it out, with a warning and a DROPPED row.
    write("in/b.yaml", PIPELINE.formatted("ls", "beta").replace("root:\n", """
        root:
          inputDefinitions:
            parameters:
              claim:
                parameterType: STRING
        """) + """
        ---
        platforms:
          kubernetes:
            deploymentSpec:
              executors:
                exec-count:
                  pvcMount:
                  - componentInputParameter: claim
                    mountPath: /data
                    pvcNameParameter:
                      componentInputParameter: claim
        """);
    Path out = dir.resolve("out");
    Cli plain = run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--progress", "none",
        "--diagnostics", "short");
    assertTrue(plain.err().contains("warning["), plain::toString);
    assertEquals(0, plain.exit(), plain::toString);
    Cli warning = run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--force", "--fail-on", "warning",
        "--progress", "none");
    assertEquals(1, warning.exit(), warning::toString);
    Cli strict = run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--force", "--strict",
        "--progress", "none");
    assertEquals(1, strict.exit(), strict::toString);
    String junit = Files.readString(out.resolve("junit.xml"));
    assertTrue(junit.contains("1 element dropped\" type=\"dropped\""), junit);
  }

  @Test
  void pipelinesWithTheSameNameGetTheirOwnPackages() throws IOException {
    write("in/x/one.yaml", PIPELINE.formatted("wc", "same"));
    write("in/y/one.yaml", PIPELINE.formatted("ls", "same"));
    Path out = dir.resolve("out");
    Cli r = run("convert", dir.resolve("in/y/one.yaml").toString(), dir.resolve("in/x").toString(), "-o", out.toString(),
        "--progress", "none");
    assertEquals(0, r.exit(), r::toString);
    TreeMap<String, byte[]> files = tree(out);
    // Named in input order sorted by path: in/x/one.yaml shows as x/one.yaml, before in/y/one.yaml's one.yaml.
    // Packages are named in input order, sorted by the path shown: the file named by an absolute
    // path shows as `one.yaml`, which sorts before the directory's `x/one.yaml`.
    assertTrue(text(files, "same/tasks.py").contains("command=[\"ls\"]"), text(files, "same/tasks.py"));
    assertTrue(text(files, "same_2/tasks.py").contains("command=[\"wc\"]"), text(files, "same_2/tasks.py"));
    assertTrue(files.containsKey("pipelines/same/report.md") && files.containsKey("pipelines/same_2/report.md"));
  }

  @Test
  void outputDoesNotDependOnTheNumberOfThreads() throws IOException {
    for (int i = 0; i < 6; i++) {
      write("in/p" + i + ".yaml", PIPELINE.formatted(i % 2 == 0 ? "wc" : "ls", "pipe-" + i));
    }
    write("in/bad.yaml", "components: {\n");
    Cli one = run("convert", dir.resolve("in").toString(), "-o", dir.resolve("one").toString(), "--jobs", "1",
        "--progress", "none");
    Cli eight = run("convert", dir.resolve("in").toString(), "-o", dir.resolve("eight").toString(), "--jobs", "8",
        "--progress", "plain");
    assertEquals(1, one.exit(), one::toString);
    assertEquals(1, eight.exit(), eight::toString);
    assertTrue(eight.err().contains("read: 7/7\n") && eight.err().contains("verify: 6/6\n"), eight::toString);
    TreeMap<String, byte[]> a = tree(dir.resolve("one"));
    TreeMap<String, byte[]> b = tree(dir.resolve("eight"));
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
    assertEquals(one.out().replace(dir.resolve("one").toString(), "OUT"),
        eight.out().replace(dir.resolve("eight").toString(), "OUT"));
  }

  /** {@link #PIPELINE} with a parameter {@code text} of the given default feeding {@code say}. */
  private static String withDefault(String name, String text) {
    return PIPELINE.formatted("wc", name)
        .replace("root:\n", """
            root:
              inputDefinitions:
                parameters:
                  text:
                    defaultValue: %s
                    parameterType: STRING
            """.formatted(text))
        .replace("runtimeValue:\n" + " ".repeat(16) + "constant: hi", "componentInputParameter: text");
  }

  @Test
  void variantsThatDifferOnlyInDefaultsBecomeLaunchPlansOfOneWorkflow() throws IOException {
    write("in/small.yaml", withDefault("train-small", "small"));
    write("in/large.yaml", withDefault("train-large", "large"));
    write("in/other.yaml", PIPELINE.formatted("ls", "other"));
    Path out = dir.resolve("out");
    Cli r = run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--consolidate", "--progress", "none",
        "--diagnostics", "short");
    assertEquals(0, r.exit(), r::toString);
    // in/large.yaml sorts first, so it is the workflow and train-small its variant.
    assertTrue(r.err().contains("in/small.yaml:1:1: note[FM6001]: pipeline `train-small` differs from `train-large`"
        + " (in/large.yaml) only in parameter defaults: it runs as launch plan"
        + " `train_large.workflows.train_large.train_small` of its workflow"), r::toString);
    TreeMap<String, byte[]> files = tree(out);
    assertFalse(files.keySet().stream().anyMatch(k -> k.startsWith("train_small/")), files.keySet()::toString);
    String wf = text(files, "train_large/workflows/train_large.py");
    assertTrue(wf.contains("train_small = LaunchPlan.get_or_create("), wf);
    assertTrue(wf.contains("\"small\""), wf);
    assertTrue(wf.contains("def train_large(text: str = \"large\")"), wf);
    assertTrue(files.containsKey("pipelines/train_small/report.md"), "the variant keeps its parity report");
    List<String> pkg = entries(files.get("flyte-package.tgz"));
    assertEquals(1, pkg.stream().filter(n -> n.endsWith("_train_large.workflows.train_large.train_small_3.pb")).count(),
        pkg::toString);
    assertEquals(0, pkg.stream().filter(n -> n.contains("train_small.workflows")).count(), pkg::toString);
    String summary = text(files, "summary.json").replaceAll("\\s+", "");
    assertTrue(summary.contains("\"launchPlans\":[\"train_large.workflows.train_large.train_small:"), summary);

    Cli separate = run("convert", dir.resolve("in").toString(), "-o", dir.resolve("separate").toString(),
        "--progress", "none");
    assertEquals(0, separate.exit(), separate::toString);
    assertTrue(Files.exists(dir.resolve("separate/train_small/workflows/train_small.py")), "without --consolidate");
  }

  @Test
  void badArgumentsAreReportedAndUsageErrorsExitTwo() throws IOException {
    write("in/a.yaml", PIPELINE.formatted("wc", "alpha"));
    Path out = dir.resolve("out");
    Cli r = run("convert", dir.resolve("in").toString(), dir.resolve("missing").toString(), "-o", out.toString(),
        "--diagnostics", "short", "--progress", "none");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("error[FM0001]: cannot read `"), r::toString);
    assertTrue(Files.exists(out.resolve("alpha/workflows/alpha.py")), "the rest converts");
    assertEquals(2, run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--jobs", "0").exit());
    assertEquals(2, run("convert", dir.resolve("in").toString(), "-o", out.toString(), "--fail-on", "sometimes").exit());
    assertEquals(2, run("convert", "-o", out.toString()).exit());
  }
}

package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {
  @TempDir Path dir;

  private Path fakeRepo() throws IOException {
    Files.writeString(dir.resolve("pom.xml"), "<project/>");
    Files.createDirectories(dir.resolve("bench/src"));
    Files.createDirectories(dir.resolve("cli"));
    return dir;
  }

  @Test
  void defaultsAreTheIssuesSizesAndTheCorpusBesideTheRepository() throws IOException {
    Path repo = fakeRepo();
    Options o = Options.parse(List.of(), repo.resolve("bench/src")).options().orElseThrow();
    assertEquals(repo.toAbsolutePath().normalize(), o.repo());
    assertEquals(repo.resolve("../shared/corpus").toAbsolutePath().normalize(), o.corpus().toAbsolutePath().normalize());
    assertEquals(50, o.copies());
    assertEquals(List.of("kfp-v2", "kfp-v1", "airflow", "airflow-serialized"),
        o.sets().stream().map(CorpusSet::name).toList(), "every reader's corpus: the whole corpus");
    assertEquals(List.of(100, 1000, 5000, 20_000), o.sizes());
    assertEquals(List.of(Shape.CHAIN, Shape.FAN_OUT, Shape.NESTED, Shape.DEEP_PIPELINES), o.shapes());
    assertEquals(256, o.smallHeapMegabytes());
    assertEquals(10_000, o.smallHeapFiles());
    assertEquals(repo.resolve("bench/target/bench-results.json").toAbsolutePath().normalize(), o.out().toAbsolutePath().normalize());
    assertEquals(repo.resolve("cli/target/flyte-migrate.jar").toAbsolutePath().normalize(), o.cliJar().toAbsolutePath().normalize());
  }

  @Test
  void everyOptionIsRead() throws IOException {
    Path repo = fakeRepo();
    Options o = Options.parse(List.of("--corpus", "/c", "--copies", "3", "--rounds", "4", "--sizes", "10,20",
        "--shapes", "fan-out,nested", "--cli-runs", "5", "--small-heap-files", "7", "--small-heap-mb", "64",
        "--out", "r.json", "--cli-jar", "x.jar", "--skip", "cli,small_heap"), repo).options().orElseThrow();
    assertEquals(Path.of("/c"), o.corpus());
    assertEquals(3, o.copies());
    assertEquals(4, o.rounds());
    assertEquals(List.of(10, 20), o.sizes());
    assertEquals(List.of(Shape.FAN_OUT, Shape.NESTED), o.shapes());
    assertEquals(5, o.cliRuns());
    assertEquals(7, o.smallHeapFiles());
    assertEquals(64, o.smallHeapMegabytes());
    assertEquals(Path.of("r.json"), o.out());
    assertEquals(Path.of("x.jar"), o.cliJar());
    assertEquals(Set.of(Options.Part.CLI, Options.Part.SMALL_HEAP), o.skip());
    assertFalse(o.runs(Options.Part.CLI));
    assertTrue(o.runs(Options.Part.BATCH));
  }

  @Test
  void quickMakesEverythingSmall() throws IOException {
    Options o = Options.parse(List.of("--quick"), fakeRepo()).options().orElseThrow();
    assertEquals(List.of(100, 1000), o.sizes());
    assertEquals(1, o.rounds());
    assertTrue(o.copies() < 50);
  }

  @Test
  void wrongCommandLinesSayWhy() throws IOException {
    Path repo = fakeRepo();
    assertEquals("unknown option `--fast`", Options.parse(List.of("--fast"), repo).error());
    assertEquals("`--copies` takes a positive number, not `0`", Options.parse(List.of("--copies", "0"), repo).error());
    assertEquals("`--sizes` needs a value", Options.parse(List.of("--sizes"), repo).error());
    assertEquals("`round` is not one of [chain, fan_out, nested, deep_pipelines]", Options.parse(List.of("--shapes", "round"), repo).error());
  }

  @Test
  void withoutARepositoryTheRepoOptionIsNeeded() {
    Options.Result r = Options.parse(List.of(), dir);
    assertTrue(r.options().isEmpty());
    assertTrue(r.error().endsWith("; pass --repo"), r.error());
  }

  @Test
  void setsAreChosenByName() throws IOException {
    Path repo = fakeRepo();
    Options o = Options.parse(List.of("--sets", "airflow,kfp-v2"), repo).options().orElseThrow();
    assertEquals(List.of("airflow", "kfp-v2"), o.sets().stream().map(CorpusSet::name).toList());
    Options.Result wrong = Options.parse(List.of("--sets", "kfp-v3"), repo);
    assertTrue(wrong.options().isEmpty());
    assertEquals("`kfp-v3` is not one of [kfp-v2, kfp-v1, airflow, airflow-serialized]", wrong.error());
  }
}

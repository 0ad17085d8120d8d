package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.Pipeline;
import io.flytemigrate.kfp.KfpV2Reader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a unit of a batch holds only softly is read again from its file when it was let go. */
class BatchUnitTest {
  private static final String ECHO = """
      components:
        comp-echo:
          executorLabel: exec-echo
      deploymentSpec:
        executors:
          exec-echo:
            container:
              args:
              - hello world
              command:
              - echo
              image: alpine:3.19
      pipelineInfo:
        name: %s
      root:
        dag:
          tasks:
            echo:
              componentRef:
                name: comp-echo
              taskInfo:
                name: echo
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.14.6
      """;

  @TempDir Path dir;

  /** A unit as the read phase leaves it once the garbage collector took the source and the IR. */
  private BatchConversion.Unit letGo(Path file, String pipelineName) {
    BatchConversion.Unit u = new BatchConversion.Unit(new BatchInputs.Input(file, "in/" + file.getFileName(), false));
    u.reader = new KfpV2Reader();
    u.indexInFile = 0;
    u.pipelineName = pipelineName;
    u.read = true;
    return u;
  }

  @Test
  void theIrIsReadAgainAndThenKept() throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), ECHO.formatted("echo"));
    BatchConversion.Unit u = letGo(file, "echo");
    assertEquals("in/a.yaml", u.source().orElseThrow().path(), "read again under the name the reports show");
    Pipeline p = u.pipeline();
    assertEquals("echo", p.name());
    assertEquals(new KfpV2Reader().read(u.source().orElseThrow()).value().orElseThrow(), p);
    assertSame(p, u.pipeline(), "kept softly once read");
  }

  @Test
  void aFileChangedMeanwhileIsAnErrorNotAnotherPipeline() throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), ECHO.formatted("renamed"));
    BatchConversion.Unit u = letGo(file, "echo");
    IllegalStateException e = assertThrows(IllegalStateException.class, u::pipeline);
    assertTrue(e.getMessage().contains("`in/a.yaml` changed while it was converted"), e::getMessage);
    Files.delete(file);
    BatchConversion.Unit gone = letGo(file, "echo");
    assertTrue(gone.source().isEmpty());
    assertThrows(IllegalStateException.class, gone::pipeline);
  }
}

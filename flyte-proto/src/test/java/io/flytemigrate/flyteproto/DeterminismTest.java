package io.flytemigrate.flyteproto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.flyte.lower.LoweringOptions;
import io.flytemigrate.flyteproto.write.PackageOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The package is a function of its pipeline alone: two runs, and a batch in another order, give the same bytes. */
class DeterminismTest {
  private static final List<String> BATCH = List.of(
      "kfp/sdk_compiled_pipelines/valid/hello_world.yaml",
      "kfp/sdk_compiled_pipelines/valid/pipeline_with_loops_and_conditions.yaml",
      "kfp/sdk_compiled_pipelines/valid/if_elif_else_with_oneof_parameters.yaml",
      "kfp/sdk_compiled_pipelines/valid/pipeline_as_exit_task.yaml",
      "kfp/sdk_compiled_pipelines/valid/gpu-scheduling/nvidia_gpu_scheduling_check.yaml",
      "kfp/sdk_compiled_pipelines/valid/parallel_and_nested/pipeline_with_loops.yaml",
      "kfp/sdk_compiled_pipelines/valid/pipeline_with_importer.yaml");

  private static Map<String, byte[]> run(List<String> order, PackageOptions options) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String p : order) {
      out.put(p, Translation.of(p, LoweringOptions.DEFAULT, options).pkg().bytes());
    }
    return out;
  }

  @Test
  void twoRunsGiveIdenticalBytes() {
    for (PackageOptions o : List.of(PackageOptions.DEFAULT, PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL))) {
      Map<String, byte[]> a = run(BATCH, o);
      Map<String, byte[]> b = run(BATCH, o);
      for (String p : BATCH) {
        assertArrayEquals(a.get(p), b.get(p), p);
      }
    }
  }

  @Test
  void aBatchInAnotherOrderGivesTheSameBytesPerPipeline() {
    PackageOptions o = PackageOptions.DEFAULT.withVersions(PackageOptions.Versions.MODEL);
    Map<String, byte[]> forward = run(BATCH, o);
    List<String> reversed = new ArrayList<>(BATCH);
    java.util.Collections.reverse(reversed);
    Map<String, byte[]> backward = run(reversed, o);
    assertEquals(new java.util.TreeSet<>(forward.keySet()), new java.util.TreeSet<>(backward.keySet()));
    for (String p : BATCH) {
      assertArrayEquals(forward.get(p), backward.get(p), p);
    }
  }
}

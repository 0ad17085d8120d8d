package io.flytemigrate.bench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.flytemigrate.kfp.ArgoWorkflowReader;
import io.flytemigrate.kfp.KfpV1ComponentReader;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the two KFP 1.x readers, seeded from the corpus: {@code component.yaml} files
 * ({@code KfpV1ReaderFuzzTestInputs/component}) and Argo workflows compiled by the 1.8 SDK, with
 * one in the KFP v2 backend's Argo form ({@code .../argo}). Each reader gets the text whether or
 * not it would accept it, so its error paths are fuzzed as well as its happy one.
 */
class KfpV1ReaderFuzzTest {
  private final KfpV1ComponentReader components = new KfpV1ComponentReader();
  private final ArgoWorkflowReader workflows = new ArgoWorkflowReader();

  @FuzzTest
  void component(byte[] data) {
    ReaderProperty.check(components, "component.yaml", new String(data, StandardCharsets.UTF_8));
  }

  @FuzzTest
  void argo(byte[] data) {
    ReaderProperty.check(workflows, "workflow.yaml", new String(data, StandardCharsets.UTF_8));
  }
}

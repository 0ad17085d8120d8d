package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KfpV2BreakdownTest {
  @Test
  void everyStepOfTheReaderIsTimed() {
    Synthetic.Spec spec = Synthetic.generate(Shape.NESTED, 200);
    Map<String, Long> steps = KfpV2Breakdown.measure(spec.name(), spec.yaml());
    assertEquals(List.of("snakeyaml-compose", "docnode-convert", "spec-map", "diagnostics-sort"), List.copyOf(steps.keySet()));
    assertTrue(steps.get("snakeyaml-compose") > 0 && steps.get("spec-map") > 0, steps::toString);
  }
}

package io.flytemigrate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How one sampled stack is charged to the lowering's passes. */
class LoweringProfileTest {
  private static final String P = "io.flytemigrate.flyte.lower.";

  @Test
  void aSampleIsChargedToTheInnermostPassAndToTheStepOfLower() {
    LoweringProfile.Charge c = LoweringProfile.charge(List.of(
        "java.util.HashMap", "io.flytemigrate.ir.Graph", P + "Types", P + "TaskLowering$Body", P + "GraphLowering",
        P + "FlyteLowering", "io.flytemigrate.bench.LoweringProfile", "java.lang.Thread"));
    assertEquals(new LoweringProfile.Charge("Types", "GraphLowering"), c);
  }

  @Test
  void workInLowerItselfIsChargedToFlyteLowering() {
    assertEquals(new LoweringProfile.Charge("FlyteLowering", "FlyteLowering"),
        LoweringProfile.charge(List.of("java.util.HashSet", P + "FlyteLowering", "io.flytemigrate.bench.LoweringProfile")));
  }

  @Test
  void aSampleOutsideLowerIsNotCharged() {
    assertNull(LoweringProfile.charge(List.of("io.flytemigrate.flyte.python.TasksModuleWriter",
        "io.flytemigrate.flyte.python.FlytekitProjectWriter", "io.flytemigrate.bench.LoweringProfile")));
  }

  /** Recursion through lower (a nested pipeline lowered by a nested call) charges the outermost entry. */
  @Test
  void theOutermostEntryIntoLowerCounts() {
    LoweringProfile.Charge c = LoweringProfile.charge(List.of(P + "Names", P + "FlyteLowering", P + "SharedTasks",
        P + "FlyteLowering", "io.flytemigrate.bench.LoweringProfile"));
    assertEquals(new LoweringProfile.Charge("Names", "SharedTasks"), c);
  }
}

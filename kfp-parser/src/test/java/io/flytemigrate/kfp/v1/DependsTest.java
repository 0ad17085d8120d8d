package io.flytemigrate.kfp.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.ir.TaskSettings.Trigger;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependsTest {
  @Test
  void conjunctionsOfOneResultAreExact() {
    assertEquals(new Depends(List.of("a", "b"), Trigger.ALL_SUCCEEDED, true), Depends.parse("a && b.Succeeded"));
    assertEquals(new Depends(List.of("a", "b"), Trigger.ALL_FAILED, true), Depends.parse("a.Failed && b.Failed"));
    assertEquals(new Depends(List.of("a"), Trigger.ALL_SKIPPED, true), Depends.parse("a.Skipped"));
  }

  @Test
  void succeededOrFailedPerTaskMeansFinished() {
    assertEquals(new Depends(List.of("a", "b"), Trigger.ALL_DONE, true),
        Depends.parse("(a.Succeeded || a.Failed) && (b.Succeeded || b.Failed)"));
  }

  @Test
  void everythingElseIsApproximated() {
    assertEquals(new Depends(List.of("a", "b"), Trigger.ALL_DONE, false), Depends.parse("a.Failed || b.Failed"));
    assertEquals(new Depends(List.of("a"), Trigger.ALL_DONE, false), Depends.parse("!a.Succeeded"));
    assertEquals(new Depends(List.of("a", "b"), Trigger.ALL_DONE, false), Depends.parse("a.Succeeded && b.Failed"));
  }
}

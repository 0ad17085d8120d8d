package io.flytemigrate.flyte.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Unique names: the first free {@code <name><sep><n>}, found without trying every taken one again. */
class NameTableTest {
  @Test
  void givesTheFirstFreeSuffixAroundReservedAndClaimedNames() {
    NameTable t = new NameTable("_").reserve(Set.of("work", "work_3"));
    List<String> got = new ArrayList<>();
    got.add(t.claim("work"));
    got.add(t.claim("work"));
    assertEquals("work_5", t.claim("work_5"));
    got.add(t.claim("work"));
    got.add(t.claim("work"));
    assertEquals(List.of("work_2", "work_4", "work_6", "work_7"), got);
    assertEquals("other", t.claim("other"));
    assertEquals("other_2", t.claim("other"));
  }

  @Test
  void eachNormalisationGetsItsOwnSequence() {
    NameTable t = new NameTable("-");
    assertEquals("a", t.claim("A", Names::lower));
    assertEquals("a-2", t.claim("A", Names::lower));
    assertEquals("A", t.claim("A"));
    assertEquals("A-2", t.claim("A"));
    assertEquals("a-3", t.claim("A", Names::lower));
  }

  /** A thousand claims of one name normalise a few thousand candidates, not half a million. */
  @Test
  void repeatedClaimsDoNotRetryTakenNames() {
    AtomicInteger calls = new AtomicInteger();
    UnaryOperator<String> counting = s -> {
      calls.incrementAndGet();
      return s;
    };
    NameTable t = new NameTable("_");
    String last = "";
    for (int i = 0; i < 1_000; i++) {
      last = t.claim("task", counting);
    }
    assertEquals("task_1000", last);
    assertTrue(calls.get() <= 3_000, () -> calls.get() + " candidates for 1000 claims");
  }
}

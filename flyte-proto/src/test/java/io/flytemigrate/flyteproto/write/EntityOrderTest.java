package io.flytemigrate.flyteproto.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyteproto.Models;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The registration order's stable topological sort gives exactly what the first-ready-item scan
 * it replaced gives, on random entity lists: with dependencies later in the list, on themselves,
 * on unknown entities, with repeated ids, and with cycles (the same error, naming the same entity).
 */
class EntityOrderTest {

  @Test
  void sortsLikeTheScanOnRandomLists() {
    Random random = new Random(1_201);
    int moved = 0;
    int cycles = 0;
    for (int round = 0; round < 500; round++) {
      List<EntityOrder.Item> base = randomItems(random, 1 + random.nextInt(30), round % 4 == 0);
      List<EntityOrder.Item> want;
      try {
        want = scan(base);
      } catch (IllegalArgumentException e) {
        cycles++;
        IllegalArgumentException got = assertThrows(IllegalArgumentException.class, () -> sort(base));
        assertEquals(e.getMessage(), got.getMessage());
        continue;
      }
      List<EntityOrder.Item> got = sort(base);
      assertEquals(want, got, "round " + round);
      if (!got.equals(base)) {
        moved++;
      }
    }
    assertTrue(moved > 50 && cycles > 20, moved + " reordered, " + cycles + " with cycles");
  }

  private static List<EntityOrder.Item> randomItems(Random random, int n, boolean allowCycles) {
    List<EntityOrder.Item> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int idNo = random.nextInt(12) == 0 && i > 0 ? random.nextInt(i) : i;
      Set<Identifier> deps = new LinkedHashSet<>();
      for (int d = random.nextInt(4); d > 0; d--) {
        int k = random.nextInt(n + 2);
        if (allowCycles || k > i) {
          deps.add(Models.workflowId("w" + k));
        }
      }
      if (random.nextInt(10) == 0) {
        deps.add(Models.workflowId("w" + idNo));
      }
      items.add(new EntityOrder.Item(Models.workflowId("w" + idNo), deps));
    }
    // The scan moves dependencies earlier: reverse, so that callers come first and move.
    java.util.Collections.reverse(items);
    return items;
  }

  private static List<EntityOrder.Item> sort(List<EntityOrder.Item> base) {
    return EntityOrder.stableTopological(base);
  }

  /** The sort as it was: again and again, the first pending item whose known dependencies are all placed. */
  private static List<EntityOrder.Item> scan(List<EntityOrder.Item> base) {
    Set<Identifier> known = new LinkedHashSet<>();
    for (EntityOrder.Item i : base) {
      known.add(i.id());
    }
    List<EntityOrder.Item> pending = new ArrayList<>(base);
    List<EntityOrder.Item> out = new ArrayList<>();
    Set<Identifier> done = new LinkedHashSet<>();
    while (!pending.isEmpty()) {
      EntityOrder.Item next = null;
      for (EntityOrder.Item i : pending) {
        if (i.dependencies().stream().allMatch(d -> done.contains(d) || !known.contains(d) || d.equals(i.id()))) {
          next = i;
          break;
        }
      }
      if (next == null) {
        throw new IllegalArgumentException("entities reference each other in a cycle: " + pending.get(0).id().name());
      }
      pending.remove(next);
      out.add(next);
      done.add(next.id());
    }
    return out;
  }
}

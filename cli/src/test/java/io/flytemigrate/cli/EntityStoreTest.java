package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyteproto.pack.PackedEntity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityStoreTest {
  @TempDir Path dir;

  private static PackedEntity e(String name, String content) {
    return new PackedEntity(name, Identifier.ResourceType.TASK, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void entitiesWrittenFromManyThreadsReadBackExactly() throws Exception {
    Path file = Files.createFile(dir.resolve(".store"));
    List<EntityStore.Stored> stored = new ArrayList<>();
    try (EntityStore store = EntityStore.at(Optional.of(file))) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<EntityStore.Stored>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        futures.add(pool.submit(() -> store.put(e("t" + n, ("content of " + n + " ").repeat(n + 1)))));
      }
      for (Future<EntityStore.Stored> f : futures) {
        stored.add(f.get());
      }
      pool.shutdown();
      for (int i = 0; i < 200; i++) {
        EntityStore.Stored s = stored.get(i);
        assertNull(s.bytes(), "kept on disk, not in memory");
        PackedEntity back = store.get(s);
        assertEquals("t" + i, back.name());
        assertArrayEquals(("content of " + i + " ").repeat(i + 1).getBytes(StandardCharsets.UTF_8), back.bytes());
      }
      assertTrue(Files.size(file) > 0);
    }
    assertFalse(Files.exists(file), "closing deletes the file");
  }

  @Test
  void theSameEntityHasTheSameKeyAndAnotherContentAnother() {
    try (EntityStore store = EntityStore.at(Optional.empty())) {
      EntityStore.Stored a = store.put(e("shared.tasks.say", "x"));
      EntityStore.Stored b = store.put(e("shared.tasks.say", "x"));
      EntityStore.Stored c = store.put(e("shared.tasks.say", "y"));
      assertEquals(a.key(), b.key());
      assertNotEquals(a.key(), c.key());
      assertArrayEquals("y".getBytes(StandardCharsets.UTF_8), store.get(c).bytes(), "in memory without a file");
    }
  }
}

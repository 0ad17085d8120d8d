package io.flytemigrate.flyte.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flytemigrate.flyte.model.Identifier;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.ir.diag.Span;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The content hash is what entity versions and cache versions are made of, so it must never
 * change: these values were computed before its record accessors were cached.
 */
class ContentHashTest {
  private static final Identifier ID = new Identifier(Identifier.ResourceType.TASK, "p", "d", "pkg.tasks.work", "");

  @Test
  void hashesAreThoseOfEarlierReleases() {
    Object v = List.of(ID, Optional.of("x"), OptionalInt.of(3), OptionalInt.empty(), Optional.empty(), 7L, 2.5, true,
        'c', LiteralType.simple(LiteralType.SimpleType.STRING), Span.at("p.yaml", 3, 4), "héllo");
    assertEquals("c04e87abcdb07239c88cab690b936d1ef59c8725e3087f03c09a6ac0ae6c2bcc", ContentHash.of(v));
    assertEquals("f68bf7d7b89d865f7548", ContentHash.shortOf(ID, 20));
  }

  @Test
  void spansDoNotCount() {
    assertEquals(ContentHash.of(List.of("a", Span.at("p.yaml", 1, 1))), ContentHash.of(List.of("a", Span.NONE)));
  }

  @Test
  void aValueThatIsNotContentIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ContentHash.of(new Object()));
  }
}

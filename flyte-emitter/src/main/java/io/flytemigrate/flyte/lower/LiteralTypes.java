package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.Literal;
import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.LiteralType.SimpleType;
import java.util.Optional;

/** The Flyte type of a static value, as the Flyte compiler infers it for scalar bindings. */
final class LiteralTypes {
  private LiteralTypes() {}

  static Optional<LiteralType> of(Literal l) {
    if (l instanceof Literal.IntValue) {
      return Optional.of(LiteralType.simple(SimpleType.INTEGER));
    }
    if (l instanceof Literal.FloatValue) {
      return Optional.of(LiteralType.simple(SimpleType.FLOAT));
    }
    if (l instanceof Literal.StringValue) {
      return Optional.of(LiteralType.simple(SimpleType.STRING));
    }
    if (l instanceof Literal.BoolValue) {
      return Optional.of(LiteralType.simple(SimpleType.BOOLEAN));
    }
    if (l instanceof Literal.StructValue) {
      return Optional.of(new LiteralType.Struct());
    }
    if (l instanceof Literal.BlobValue b) {
      return Optional.of(b.type());
    }
    if (l instanceof Literal.UnionValue u) {
      return Optional.of(u.variant().type());
    }
    if (l instanceof Literal.CollectionValue c && !c.items().isEmpty()) {
      return of(c.items().get(0)).map(LiteralType.Collection::new);
    }
    if (l instanceof Literal.MapValue m && !m.entries().isEmpty()) {
      return of(m.entries().get(0).value()).map(LiteralType.MapOf::new);
    }
    return Optional.empty();
  }
}

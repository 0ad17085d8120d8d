package io.flytemigrate.flyte.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.LiteralType.SimpleType;
import io.flytemigrate.flyte.lower.Unifier.Strength;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnifierTest {
  private static final LiteralType INT = LiteralType.simple(SimpleType.INTEGER);
  private static final LiteralType FLOAT = LiteralType.simple(SimpleType.FLOAT);
  private static final LiteralType STR = LiteralType.simple(SimpleType.STRING);

  @Test
  void anOpenVariableTakesWhatItIsBoundTo() {
    Unifier u = new Unifier();
    Unifier.Var open = u.fresh();
    assertEquals(Optional.empty(), u.resolve(open));
    u.unify(open, u.known(INT, Strength.DECLARED));
    assertEquals(Optional.of(INT), u.resolve(open));
  }

  @Test
  void listsUnifyTheirElementsThroughEveryBinding() {
    Unifier u = new Unifier();
    Unifier.Var parameter = u.list(u.fresh());
    Unifier.Var consumer = u.list(u.fresh());
    Unifier.Var producer = u.known(new LiteralType.Collection(new LiteralType.Collection(INT)), Strength.DECLARED);
    u.unify(parameter, consumer);
    u.unify(consumer, producer);
    assertEquals(Optional.of(new LiteralType.Collection(new LiteralType.Collection(INT))), u.resolve(parameter));
  }

  @Test
  void declaredTypesWinOverValuesAndValuesOverText() {
    Unifier u = new Unifier();
    Unifier.Var item = u.known(FLOAT, Strength.VALUE);
    u.unify(item, u.known(INT, Strength.DECLARED));
    assertEquals(Optional.of(INT), u.resolve(item), "a declared int beats a default written as 1.0");
    Unifier.Var text = u.known(STR, Strength.TEXT);
    u.unify(text, u.known(new LiteralType.Struct(), Strength.VALUE));
    assertEquals(Optional.of(new LiteralType.Struct()), u.resolve(text));
  }

  @Test
  void onlyTextGivesWayToAList() {
    Unifier u = new Unifier();
    Unifier.Var field = u.known(STR, Strength.TEXT);
    u.unify(field, u.list(u.known(STR, Strength.TEXT)));
    assertEquals(Optional.of(new LiteralType.Collection(STR)), u.resolve(field));
    Unifier.Var declared = u.known(STR, Strength.DECLARED);
    u.unify(declared, u.list(u.fresh()));
    assertEquals(Optional.of(STR), u.resolve(declared), "a declared scalar is not a list");
  }

  @Test
  void looseNumbersAreFloatsAndConflictsKeepTheFirst() {
    Unifier u = new Unifier();
    Unifier.Var numbers = u.known(INT, Strength.VALUE);
    u.unify(numbers, u.known(FLOAT, Strength.VALUE));
    assertEquals(Optional.of(FLOAT), u.resolve(numbers));
    Unifier.Var a = u.known(INT, Strength.DECLARED);
    Unifier.Var b = u.known(STR, Strength.DECLARED);
    Unifier.Var open = u.fresh();
    u.unify(open, a);
    u.unify(open, b);
    assertEquals(Optional.of(INT), u.resolve(open));
    assertEquals(Optional.of(STR), u.resolve(b), "a conflict leaves both sides as they are");
  }
}

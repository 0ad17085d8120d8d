package io.flytemigrate.flyte.lower;

import io.flytemigrate.flyte.model.LiteralType;
import io.flytemigrate.flyte.model.LiteralType.SimpleType;
import java.util.Optional;

/**
 * Type variables solved by unification (union-find): each binding makes its two ends one
 * variable, so what one end says types the other. A variable is open, a list of another variable,
 * or a concrete Flyte type held with the strength of the evidence for it. Stronger evidence wins
 * over weaker; equally strong evidence that disagrees is a conflict, and the variables stay apart
 * (the translation then binds mismatching types, which the verifier reports, as it would have
 * without the inference). Deterministic: the outcome depends only on the order of the calls.
 */
final class Unifier {
  /** How much a piece of evidence says, weakest first. */
  enum Strength {
    /** The value reaches an input that takes text; any value can be passed as its JSON text. */
    TEXT,
    /** A constant or default: {@code 1.0} may be an int written loosely. */
    VALUE,
    /** A type the source declares. */
    DECLARED
  }

  /** A type variable; only {@link Unifier} looks inside. */
  static final class Var {
    private Var parent = this;
    private Var element;
    private LiteralType leaf;
    private Strength strength = Strength.TEXT;
  }

  /** A variable nothing is known about yet. */
  Var fresh() {
    return new Var();
  }

  /** A variable of a known type; a collection type becomes a list of its element. */
  Var known(LiteralType type, Strength strength) {
    if (type instanceof LiteralType.Collection c) {
      return list(known(c.element(), strength));
    }
    Var v = new Var();
    v.leaf = type;
    v.strength = strength;
    return v;
  }

  /** A variable that is a list of {@code element}. */
  Var list(Var element) {
    Var v = new Var();
    v.element = element;
    return v;
  }

  /** Makes {@code a} and {@code b} one variable, unless what they are known to be conflicts. */
  void unify(Var a, Var b) {
    unify(a, b, 0);
  }

  private void unify(Var x, Var y, int depth) {
    Var a = find(x);
    Var b = find(y);
    if (a == b || depth > 32) {
      return;
    }
    if (open(a)) {
      a.parent = b;
      return;
    }
    if (open(b)) {
      b.parent = a;
      return;
    }
    if (a.element != null && b.element != null) {
      b.parent = a;
      unify(a.element, b.element, depth + 1);
      return;
    }
    if (a.element != null || b.element != null) {
      // A list and a scalar: only text evidence gives way (a list can always be passed as text).
      Var list = a.element != null ? a : b;
      Var leaf = list == a ? b : a;
      if (leaf.strength == Strength.TEXT) {
        leaf.parent = list;
      }
      return;
    }
    if (a.leaf.equals(b.leaf)) {
      b.parent = a;
      a.strength = max(a.strength, b.strength);
    } else if (a.strength.compareTo(b.strength) > 0) {
      b.parent = a;
    } else if (b.strength.compareTo(a.strength) > 0) {
      a.parent = b;
    } else if (a.strength == Strength.VALUE && isNumber(a.leaf) && isNumber(b.leaf)) {
      // Loose numbers: [1, 2.5] holds floats.
      b.parent = a;
      a.leaf = LiteralType.simple(SimpleType.FLOAT);
    }
  }

  /** What {@code v} is known to be; empty while any part of it is open. */
  Optional<LiteralType> resolve(Var v) {
    return resolve(v, 0);
  }

  /**
   * What {@code v} is known to be, its open parts taken as {@code open} (a list of unknown
   * elements is still a list); empty when nothing at all is known.
   */
  Optional<LiteralType> resolve(Var v, LiteralType open) {
    Var r = find(v);
    if (open(r)) {
      return Optional.empty();
    }
    return Optional.of(filled(r, open, 0));
  }

  private LiteralType filled(Var v, LiteralType open, int depth) {
    Var r = find(v);
    if (r.leaf != null) {
      return r.leaf;
    }
    if (r.element != null && depth < 32) {
      return new LiteralType.Collection(filled(r.element, open, depth + 1));
    }
    return open;
  }

  private Optional<LiteralType> resolve(Var v, int depth) {
    Var r = find(v);
    if (depth > 32) {
      return Optional.empty();
    }
    if (r.leaf != null) {
      return Optional.of(r.leaf);
    }
    if (r.element != null) {
      return resolve(r.element, depth + 1).map(LiteralType.Collection::new);
    }
    return Optional.empty();
  }

  private static Var find(Var v) {
    Var r = v;
    while (r.parent != r) {
      r = r.parent;
    }
    Var at = v;
    while (at.parent != r) {
      Var next = at.parent;
      at.parent = r;
      at = next;
    }
    return r;
  }

  private static boolean open(Var v) {
    return v.leaf == null && v.element == null;
  }

  private static Strength max(Strength a, Strength b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static boolean isNumber(LiteralType t) {
    return t.equals(LiteralType.simple(SimpleType.INTEGER)) || t.equals(LiteralType.simple(SimpleType.FLOAT));
  }
}

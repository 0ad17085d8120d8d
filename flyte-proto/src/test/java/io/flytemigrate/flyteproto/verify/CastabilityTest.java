package io.flytemigrate.flyteproto.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.core.Types;
import org.junit.jupiter.api.Test;

/** The compiler's casting rules (flyte-target.md 5.3) as the verifier applies them. */
class CastabilityTest {
  private static Types.LiteralType simple(Types.SimpleType t) {
    return Types.LiteralType.newBuilder().setSimple(t).build();
  }

  private static Types.LiteralType list(Types.LiteralType t) {
    return Types.LiteralType.newBuilder().setCollectionType(t).build();
  }

  private static Types.LiteralType tagged(Types.LiteralType t, String tag) {
    return t.toBuilder().setStructure(Types.TypeStructure.newBuilder().setTag(tag)).build();
  }

  private static Types.LiteralType optional(Types.LiteralType t, String tag) {
    return Types.LiteralType.newBuilder().setUnionType(Types.UnionType.newBuilder()
        .addVariants(tagged(t, tag)).addVariants(tagged(simple(Types.SimpleType.NONE), "none"))).build();
  }

  private static final Types.LiteralType INT = simple(Types.SimpleType.INTEGER);
  private static final Types.LiteralType FLOAT = simple(Types.SimpleType.FLOAT);
  private static final Types.LiteralType STR = simple(Types.SimpleType.STRING);

  @Test
  void noNumericWideningAndNoTToListOfT() {
    assertTrue(Castability.castable(INT, INT));
    assertFalse(Castability.castable(INT, FLOAT));
    assertFalse(Castability.castable(INT, list(INT)));
    assertTrue(Castability.castable(list(INT), list(INT)));
    assertTrue(Castability.castable(list(simple(Types.SimpleType.NONE)), list(STR)), "an empty list casts to any list");
  }

  @Test
  void aValueFitsItsOptionalButAnOptionalDoesNotFitTheValue() {
    assertTrue(Castability.castable(STR, optional(STR, "str")));
    assertFalse(Castability.castable(optional(STR, "str"), STR));
    assertTrue(Castability.castable(optional(STR, "str"), optional(STR, "str")));
    assertTrue(Castability.castable(simple(Types.SimpleType.NONE), optional(STR, "str")));
  }

  @Test
  void blobsCastWhenAFormatIsEmptyOrBothAgree() {
    Types.LiteralType any = Types.LiteralType.newBuilder().setBlob(Types.BlobType.newBuilder()).build();
    Types.LiteralType csv = Types.LiteralType.newBuilder().setBlob(Types.BlobType.newBuilder().setFormat("csv")).build();
    Types.LiteralType json = Types.LiteralType.newBuilder().setBlob(Types.BlobType.newBuilder().setFormat("json")).build();
    assertTrue(Castability.castable(csv, any));
    assertTrue(Castability.castable(any, csv));
    assertFalse(Castability.castable(csv, json));
    assertFalse(Castability.castable(STR, csv));
  }

  @Test
  void structsIgnoreTheirAnnotationAndEnumsMeetStrings() {
    Types.LiteralType struct = simple(Types.SimpleType.STRUCT);
    Types.LiteralType annotated = struct.toBuilder().setAnnotation(Types.TypeAnnotation.newBuilder()).build();
    assertTrue(Castability.castable(struct, annotated));
    Types.LiteralType colour = Types.LiteralType.newBuilder().setEnumType(Types.EnumType.newBuilder().addValues("red")).build();
    assertTrue(Castability.castable(colour, STR));
    assertTrue(Castability.castable(STR, colour));
  }

  @Test
  void staticValuesHaveTheirKindsType() {
    flyteidl.core.Literals.Scalar s = flyteidl.core.Literals.Scalar.newBuilder()
        .setPrimitive(flyteidl.core.Literals.Primitive.newBuilder().setFloatValue(1.5)).build();
    assertTrue(Castability.castable(Castability.typeOf(s).orElseThrow(), FLOAT));
    assertFalse(Castability.castable(Castability.typeOf(s).orElseThrow(), INT));
  }
}

package io.flytemigrate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates a parsed JSON value against a JSON Schema (draft 2020-12), for the keywords our
 * schemas use and nothing more: {@code type}, {@code properties}, {@code required}, {@code
 * additionalProperties: false}, {@code items}, {@code enum}, {@code const}, {@code minimum},
 * {@code minLength}, {@code pattern}, {@code anyOf} and local {@code $ref}s to {@code $defs}.
 * {@link #unsupportedKeywords} lists any other keyword a schema uses, so a test can fail instead of
 * silently accepting what this checker would ignore.
 */
final class SchemaCheck {
  static final Set<String> KEYWORDS = Set.of(
      "$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required",
      "additionalProperties", "items", "enum", "const", "minimum", "minLength", "pattern", "anyOf");

  private final Map<String, Object> root;
  private final List<String> errors = new ArrayList<>();

  private SchemaCheck(Map<String, Object> root) {
    this.root = root;
  }

  /** Every violation, as {@code /json/pointer: what is wrong}; empty when the value is valid. */
  static List<String> validate(Map<String, Object> schema, Object value) {
    SchemaCheck c = new SchemaCheck(schema);
    c.check(schema, value, "");
    return c.errors;
  }

  /** Keywords the schema uses that this checker does not implement. */
  static List<String> unsupportedKeywords(Object schema) {
    List<String> found = new ArrayList<>();
    walk(schema, found, false);
    return found;
  }

  @SuppressWarnings("unchecked")
  private static void walk(Object node, List<String> found, boolean namesOnly) {
    if (!(node instanceof Map<?, ?> m)) {
      return;
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
      if (namesOnly) {
        walk(e.getValue(), found, false);
        continue;
      }
      if (!KEYWORDS.contains(e.getKey())) {
        found.add(e.getKey());
      }
      switch (e.getKey()) {
        case "properties", "$defs" -> walk(e.getValue(), found, true);
        case "items", "additionalProperties" -> walk(e.getValue(), found, false);
        case "anyOf" -> ((List<Object>) e.getValue()).forEach(s -> walk(s, found, false));
        default -> { }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void check(Map<String, Object> schema, Object value, String at) {
    if (schema.containsKey("$ref")) {
      String ref = (String) schema.get("$ref");
      if (!ref.startsWith("#/$defs/")) {
        throw new IllegalArgumentException("only local $defs refs are supported: " + ref);
      }
      Map<String, Object> defs = (Map<String, Object>) root.get("$defs");
      Map<String, Object> target = (Map<String, Object>) defs.get(ref.substring("#/$defs/".length()));
      if (target == null) {
        throw new IllegalArgumentException("dangling $ref " + ref);
      }
      check(target, value, at);
    }
    if (schema.containsKey("type") && !typeMatches(schema.get("type"), value)) {
      errors.add(at + ": expected type " + schema.get("type") + ", got " + describe(value));
      return;
    }
    if (schema.containsKey("const") && !sameJson(schema.get("const"), value)) {
      errors.add(at + ": expected " + schema.get("const") + ", got " + describe(value));
    }
    if (schema.containsKey("enum") && ((List<Object>) schema.get("enum")).stream().noneMatch(e -> sameJson(e, value))) {
      errors.add(at + ": " + describe(value) + " is not one of " + schema.get("enum"));
    }
    if (schema.containsKey("minimum") && value instanceof Number n
        && n.doubleValue() < ((Number) schema.get("minimum")).doubleValue()) {
      errors.add(at + ": " + n + " is below the minimum " + schema.get("minimum"));
    }
    if (schema.containsKey("minLength") && value instanceof String s
        && s.codePointCount(0, s.length()) < ((Number) schema.get("minLength")).intValue()) {
      errors.add(at + ": string is shorter than " + schema.get("minLength"));
    }
    if (schema.containsKey("pattern") && value instanceof String s
        && !Pattern.compile((String) schema.get("pattern")).matcher(s).find()) {
      errors.add(at + ": " + s + " does not match " + schema.get("pattern"));
    }
    if (schema.containsKey("anyOf")) {
      boolean any = false;
      for (Object option : (List<Object>) schema.get("anyOf")) {
        if (validate(root, (Map<String, Object>) option, value).isEmpty()) {
          any = true;
        }
      }
      if (!any) {
        errors.add(at + ": matches none of anyOf");
      }
    }
    if (value instanceof Map<?, ?> object) {
      Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
      for (Object r : (List<Object>) schema.getOrDefault("required", List.of())) {
        if (!object.containsKey(r)) {
          errors.add(at + ": missing required " + r);
        }
      }
      for (Map.Entry<?, ?> e : object.entrySet()) {
        String key = (String) e.getKey();
        String child = at + "/" + key;
        if (props.containsKey(key)) {
          check((Map<String, Object>) props.get(key), e.getValue(), child);
        } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
          errors.add(child + ": property not allowed");
        }
      }
    }
    if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
      for (int k = 0; k < list.size(); k++) {
        check((Map<String, Object>) items, list.get(k), at + "/" + k);
      }
    }
  }

  private static List<String> validate(Map<String, Object> root, Map<String, Object> schema, Object value) {
    SchemaCheck c = new SchemaCheck(root);
    c.check(schema, value, "");
    return c.errors;
  }

  @SuppressWarnings("unchecked")
  private static boolean typeMatches(Object type, Object value) {
    if (type instanceof List<?> types) {
      return ((List<Object>) types).stream().anyMatch(t -> typeMatches(t, value));
    }
    return switch ((String) type) {
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Long;
      case "number" -> value instanceof Long || value instanceof Double;
      case "boolean" -> value instanceof Boolean;
      case "null" -> value == MiniJson.NULL;
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static boolean sameJson(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }

  private static String describe(Object value) {
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    return String.valueOf(value);
  }
}

package io.flytemigrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parity JSON and {@code summary.json} validate against the schemas in {@code docs/schemas},
 * the schemas reject what the writers must never produce, and the schemas use only keywords the
 * checker implements (so "valid" means something).
 */
class SchemaTest {
  private static final BatchResult BATCH = Fixtures.batch();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(String name) {
    return (Map<String, Object>) MiniJson.parse(RepoFiles.read("docs/schemas/" + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) MiniJson.parse(text);
  }

  private static String parityJson() {
    InputResult r = BATCH.inputs().stream().filter(i -> i.path().equals(Fixtures.FILE)).findFirst().orElseThrow();
    return ParityJson.write(r.report().orElseThrow().parity());
  }

  @Test
  void schemasAreDraft2020AndUseOnlyCheckedKeywords() {
    for (String name : List.of("parity.schema.json", "summary.schema.json")) {
      Map<String, Object> s = schema(name);
      assertEquals("https://json-schema.org/draft/2020-12/schema", s.get("$schema"), name);
      assertEquals(List.of(), SchemaCheck.unsupportedKeywords(s), name);
    }
  }

  @Test
  void everyPropertyIsRequired() {
    for (String name : List.of("parity.schema.json", "summary.schema.json")) {
      List<String> optional = new ArrayList<>();
      optionalProperties(schema(name), "", optional);
      assertEquals(List.of(), optional, name + ": properties that are not required let the writer and the schema drift apart");
    }
  }

  @SuppressWarnings("unchecked")
  private static void optionalProperties(Object node, String at, List<String> out) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      if (map.get("properties") instanceof Map<?, ?> props) {
        List<Object> required = (List<Object>) map.getOrDefault("required", List.of());
        for (Object key : props.keySet()) {
          if (!required.contains(key)) {
            out.add(at + "/" + key);
          }
        }
        if (!Boolean.FALSE.equals(map.get("additionalProperties"))) {
          out.add(at + " (additionalProperties is not false)");
        }
      }
      map.forEach((k, v) -> optionalProperties(v, at + "/" + k, out));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> optionalProperties(v, at, out));
    }
  }

  @Test
  void parityJsonIsValid() {
    assertEquals(List.of(), SchemaCheck.validate(schema("parity.schema.json"), json(parityJson())));
  }

  @Test
  void summaryJsonIsValid() {
    Map<String, Object> summary = json(BatchSummary.write(BATCH));
    assertEquals(List.of(), SchemaCheck.validate(schema("summary.schema.json"), summary));
    assertEquals(4, ((List<?>) summary.get("inputs")).size());
  }

  @Test
  void anEmptyBatchIsValid() {
    assertEquals(List.of(), SchemaCheck.validate(schema("summary.schema.json"), json(BatchSummary.write(BatchResult.of(List.of())))));
  }

  @SuppressWarnings("unchecked")
  @Test
  void theParitySchemaRejectsBrokenEntries() {
    Map<String, Object> doc = json(parityJson());
    Map<String, Object> entry = (Map<String, Object>) ((List<Object>) doc.get("entries")).get(0);
    entry.put("status", "LOST");
    entry.remove("reason");
    List<String> errors = SchemaCheck.validate(schema("parity.schema.json"), doc);
    assertTrue(errors.contains("/entries/0/status: \"LOST\" is not one of [EXACT, APPROXIMATED, DROPPED]"), errors.toString());
    assertTrue(errors.contains("/entries/0: missing required reason"), errors.toString());
  }

  @SuppressWarnings("unchecked")
  @Test
  void theSummarySchemaRejectsBrokenInputs() {
    Map<String, Object> doc = json(BatchSummary.write(BATCH));
    Map<String, Object> input = (Map<String, Object>) ((List<Object>) doc.get("inputs")).get(0);
    input.put("status", "done");
    input.put("extra", 1L);
    ((Map<String, Object>) doc.get("totals")).put("inputs", -1L);
    List<String> errors = SchemaCheck.validate(schema("summary.schema.json"), doc);
    assertTrue(errors.contains("/inputs/0/status: \"done\" is not one of [converted, failed, skipped]"), errors.toString());
    assertTrue(errors.contains("/inputs/0/extra: property not allowed"), errors.toString());
    assertTrue(errors.contains("/totals/inputs: -1 is below the minimum 0"), errors.toString());
    assertFalse(errors.isEmpty());
  }

  @SuppressWarnings("unchecked")
  @Test
  void summaryHasTheIssuesFieldsPerInput() {
    Map<String, Object> doc = json(BatchSummary.write(BATCH));
    List<Object> inputs = (List<Object>) doc.get("inputs");
    List<Object> paths = inputs.stream().map(i -> ((Map<String, Object>) i).get("path")).toList();
    assertEquals(List.of(Fixtures.NOTES, Fixtures.BROKEN, Fixtures.COPY, Fixtures.FILE), paths, "inputs are sorted by path");
    Map<String, Object> converted = (Map<String, Object>) inputs.get(3);
    assertEquals("converted", converted.get("status"));
    Map<String, Object> flyte = (Map<String, Object>) converted.get("flyte");
    assertEquals(List.of("shared.prepare", "train_and_notify.evaluate", "train_and_notify.notify", "train_and_notify.publish",
        "train_and_notify.train"), flyte.get("tasks"));
    Map<String, Object> parity = (Map<String, Object>) converted.get("parity");
    assertEquals(Map.of("EXACT", 10L, "APPROXIMATED", 4L, "DROPPED", 2L, "total", 16L), parity);
    Map<String, Object> totals = (Map<String, Object>) doc.get("totals");
    assertEquals(9L, ((Map<String, Object>) totals.get("flyte")).get("tasks"), "the shared task counts once");
    Map<String, Object> failed = (Map<String, Object>) inputs.get(1);
    assertEquals(MiniJson.NULL, failed.get("parity"));
    List<Object> codes = ((List<Object>) failed.get("diagnostics")).stream().map(d -> ((Map<String, Object>) d).get("code")).toList();
    assertEquals(List.of("FM1007", "FM1004"), codes, "diagnostics are in file order (line 12, then line 20)");
  }
}

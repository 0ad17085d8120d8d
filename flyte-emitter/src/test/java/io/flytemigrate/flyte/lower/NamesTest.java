package io.flytemigrate.flyte.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void dnsifyFollowsFlytekit() {
    assertEquals("flip-coin", Names.dnsify("flip-coin"));
    assertEquals("train-model", Names.dnsify("Train_Model"));
    assertEquals("my-task", Names.dnsify("_my.task_"));
    assertEquals("train-my-model", Names.dnsify("trainMyModel"));
    assertEquals("abc", Names.dnsify("a#b$c"));
  }

  @Test
  void longNamesGetAHashPrefixAndStayWithin63Characters() {
    String name = "a-very-long-task-name-that-goes-on-and-on-and-on-past-the-kubernetes-limit";
    String d = Names.dnsify(name);
    assertTrue(d.length() <= 63, d);
    assertTrue(d.matches("[0-9a-f]{10}-.*"), d);
    assertTrue(d.endsWith("-the-kubernetes-limit"), d);
    assertEquals(d, Names.dnsify(name), "deterministic");
  }

  @Test
  void identifiersAreSnakeCaseAndNeverKeywords() {
    assertEquals("flip_coin_output", Names.identifier("flip-coin-Output"));
    assertEquals("my_value", Names.identifier("myValue"));
    assertEquals("n2nd_step", Names.identifier("2nd step"));
    assertEquals("for_", Names.identifier("for"));
    assertEquals("value", Names.identifier("--"));
    assertEquals("names", Names.identifier(Names.withoutChannelPrefix("pipelinechannel--names")));
    assertEquals("flip", Names.withoutComponentPrefix("comp-flip"));
  }

  @Test
  void keepIdentifierKeepsValidPythonNamesAsWritten() {
    assertEquals("Output", Names.keepIdentifier("Output"));
    assertEquals("output_1", Names.keepIdentifier("output-1"));
    assertTrue(Names.isIdentifier("x1"));
    assertFalse(Names.isIdentifier("class"));
    assertFalse(Names.isIdentifier("é"));
  }

  @Test
  void nameTablesHandOutUniqueNamesInRequestOrder() {
    NameTable t = new NameTable("-").reserve(java.util.List.of("start-node"));
    assertEquals("start-node-2", t.claim("start-node"));
    assertEquals("echo", t.claim("echo"));
    assertEquals("echo-2", t.claim("echo"));
    assertEquals("echo-3", t.claim("echo"));
  }
}

package io.flytemigrate.flyte.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyTextTest {
  @Test
  void stringsAreQuotedAsBlackLeavesThem() {
    assertEquals("\"plain\"", PyText.str("plain"));
    assertEquals("'say \"hi\"'", PyText.str("say \"hi\""));
    assertEquals("\"it's\"", PyText.str("it's"));
    assertEquals("\"both ' and \\\"\"", PyText.str("both ' and \""));
    assertEquals("\"a\\nb\\tc\\\\d\"", PyText.str("a\nb\tc\\d"));
    assertEquals("\"\\x01\"", PyText.str("\u0001"));
    assertEquals("\"héllo\"", PyText.str("héllo"));
  }

  @Test
  void floatsAreWrittenLikePythonRepr() {
    assertEquals("1.0", PyText.number(1.0));
    assertEquals("0.5", PyText.number(0.5));
    assertEquals("2.25", PyText.number(2.25));
    assertEquals("1e-05", PyText.number(0.00001));
    assertEquals("0.0001", PyText.number(0.0001));
    assertEquals("1e+16", PyText.number(1e16));
    assertEquals("-3.5", PyText.number(-3.5));
    assertEquals("float(\"inf\")", PyText.number(Double.POSITIVE_INFINITY));
  }
}

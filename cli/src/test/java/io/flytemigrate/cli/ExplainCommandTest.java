package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flytemigrate.ir.diag.Codes;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExplainCommandTest {
  @Test
  void printsThePageOfACode() {
    Cli r = Cli.run("explain", "FM1007");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("# FM1007"), r::toString);
    assertTrue(r.out().contains("undefined-component"), r::toString);
    assertTrue(r.out().endsWith("\n"), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void acceptsLowercaseIdsAndNames() {
    String expected = Cli.run("explain", "FM1007").out();
    assertEquals(expected, Cli.run("explain", "fm1007").out());
    assertEquals(expected, Cli.run("explain", "undefined-component").out());
  }

  @Test
  void unknownCodeIsAUsageErrorThatPointsAtTheList() {
    Cli r = Cli.run("explain", "FM9999");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("unknown diagnostic code `FM9999`"), r::toString);
    assertTrue(r.err().contains("flyte-migrate explain --list"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void neitherCodeNorListIsAUsageError() {
    Cli r = Cli.run("explain");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("missing a CODE"), r::toString);
  }

  @Test
  void bothCodeAndListIsAUsageError() {
    Cli r = Cli.run("explain", "--list", "FM1007");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("not both"), r::toString);
  }

  @Test
  void listPrintsEveryCodeOnePerLine() {
    Cli r = Cli.run("explain", "--list");
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals(Codes.all().size(), lines.size(), r::toString);
    assertTrue(lines.contains(
        "FM1007  undefined-component  error  a task refers to a component that is not defined"), r::toString);
    assertTrue(lines.contains(
        "FM1004  unknown-field  warning  a field the reader does not know is ignored"), r::toString);
    assertEquals(Codes.all().get(0).id(), lines.get(0).substring(0, 6));
  }

  @Test
  void aKnownCodeWithoutAPageIsAPackagingBug() {
    CommandLine cmd =
        new CommandLine(new Main()).addSubcommand(new ExplainCommand(new DiagnosticPages("/no/such/folder/")));
    Cli r = Cli.run(cmd, "explain", "FM1007");
    assertEquals(3, r.exit(), r::toString);
    assertEquals("FM1007  undefined-component  error  a task refers to a component that is not defined\n", r.out());
    assertTrue(r.err().contains("the page for `FM1007` is missing from this build"), r::toString);
  }
}

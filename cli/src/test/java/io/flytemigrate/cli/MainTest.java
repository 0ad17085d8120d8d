package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {
  @Test
  void versionPrintsTheProjectVersion() {
    Cli r = Cli.run("--version");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().matches("flyte-migrate \\d+\\.\\d+\\.\\d+\\S*\\R"), r::toString);
    assertEquals("", r.err());
  }

  @Test
  void topLevelHelpTeaches() {
    assertHelpTeaches("");
  }

  @Test
  void inspectHelpTeaches() {
    assertHelpTeaches("inspect");
  }

  @Test
  void explainHelpTeaches() {
    assertHelpTeaches("explain");
  }

  private static void assertHelpTeaches(String command) {
    Cli r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
    assertEquals(0, r.exit(), r::toString);
    String usage = "Usage: flyte-migrate" + (command.isEmpty() ? "" : " " + command);
    assertTrue(r.out().contains(usage), r::toString);
    assertTrue(r.out().contains("\nExamples:\n  flyte-migrate "), r::toString);
    assertTrue(r.out().contains("\nExit codes:\n  0   "), r::toString);
    for (String code : new String[] {"  1   ", "  2   ", "  3   "}) {
      assertTrue(r.out().contains("\n" + code), () -> code + " missing in\n" + r);
    }
    assertTrue(r.out().lines().filter(l -> l.length() > 60).count() >= 3, "a description paragraph");
  }

  @Test
  void helpSubcommandShowsACommandsHelp() {
    Cli r = Cli.run("help", "inspect");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("Usage: flyte-migrate inspect"), r::toString);
  }

  @Test
  void noCommandIsAUsageError() {
    Cli r = Cli.run();
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().startsWith("flyte-migrate: missing a COMMAND\n"), r::toString);
    assertTrue(r.err().contains("Commands:"), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli r = Cli.run("inspect", "--no-such-option", "x.yaml");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("unknown option: '--no-such-option'"), r::toString);
    assertTrue(r.err().contains("run `flyte-migrate inspect --help`"), r::toString);
  }

  @Test
  void missingFileArgumentIsAUsageError() {
    Cli r = Cli.run("inspect");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("missing required parameter: 'FILE'"), r::toString);
  }

  @Test
  void anEmptyFileArgumentIsAUsageError() {
    Cli r = Cli.run("inspect", "");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("FILE is empty"), r::toString);
  }

  @Test
  void badFormatValueListsTheChoices() {
    Cli r = Cli.run("inspect", "--format", "xml", "x.yaml");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("expected one of text, json but was 'xml'"), r::toString);
  }

  @Test
  void misspelledCommandSuggestsTheRightOne() {
    Cli r = Cli.run("inspec", "x.yaml");
    assertEquals(2, r.exit(), r::toString);
    assertTrue(r.err().contains("flyte-migrate inspect"), r::toString);
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("boom\nsecond line");
    }
  }

  @Command(name = "overflow")
  static final class Overflow implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new StackOverflowError();
    }
  }

  @Test
  void anExceptionInACommandIsAnInternalErrorWithoutStackTrace() {
    CommandLine cmd = Main.newCommandLine().addSubcommand(new Boom());
    Cli r = Cli.run(cmd, "boom");
    assertEquals(3, r.exit(), r::toString);
    assertTrue(
        r.err().startsWith("flyte-migrate: internal error: java.lang.IllegalStateException: boom second line\n"),
        r::toString);
    assertTrue(r.err().contains("please report this"), r::toString);
    assertFalse(r.err().contains("\tat "), r::toString);
    assertEquals(2, r.err().lines().count(), r::toString);
  }

  @Test
  void anErrorInACommandIsAnInternalErrorToo() {
    CommandLine cmd = Main.newCommandLine().addSubcommand(new Overflow());
    Cli r = Cli.run(cmd, "overflow");
    assertEquals(3, r.exit(), r::toString);
    assertTrue(r.err().startsWith("flyte-migrate: internal error: java.lang.StackOverflowError\n"), r::toString);
  }

  @Test
  void debugAddsTheStackTrace() {
    CommandLine cmd = Main.newCommandLine().addSubcommand(new Boom());
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    int exit = Main.execute(cmd, new java.io.PrintWriter(out), new java.io.PrintWriter(err), true, "boom");
    assertEquals(3, exit);
    assertTrue(err.toString().contains("\tat io.flytemigrate.cli.MainTest$Boom.call"), err::toString);
  }
}

package io.flytemigrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {
  @TempDir Path dir;

  /** A pipeline whose one task is called {@code %s} and sets {@code epochs} only when {@code %s} is not empty. */
  private static String pipeline(String taskId, String inputs) {
    return """
        components:
          comp-train:
            executorLabel: exec-train
            inputDefinitions:
              parameters:
                epochs:
                  parameterType: NUMBER_INTEGER
        deploymentSpec:
          executors:
            exec-train:
              container:
                image: python:3.11
                command:
                - train
        pipelineInfo:
          name: p
        root:
          dag:
            tasks:
              %s:
                componentRef:
                  name: comp-train
        %s
        schemaVersion: 2.1.0
        """.formatted(taskId, inputs);
  }

  private static final String EPOCHS = """
                inputs:
                  parameters:
                    epochs:
                      runtimeValue:
                        constant: 3
        """.stripTrailing();

  private String write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  /** The command tree with {@code check}, built fresh so it works before and after Main registers it. */
  private static Cli check(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "check";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(new CommandLine(new Main()).addSubcommand(new CheckCommand()), all);
  }

  @Test
  void aCleanPipelineExitsZeroAndPrintsOnlyTheSummary() throws IOException {
    String file = write("ok.yaml", pipeline("train", EPOCHS));
    Cli r = check(file);
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out());
    assertEquals("flyte-migrate: checked 1 file: no problems found\n", r.err());
  }

  @Test
  void anErrorFromAValidatorExitsOneWithItsLocation() throws IOException {
    String file = write("unbound.yaml", pipeline("train", ""));
    Cli r = check(file, "--format", "short");
    assertEquals(1, r.exit(), r::toString);
    assertEquals(file + ":20:7: error[FM4009]: task `train` does not set required input `epochs` of component `comp-train`\n"
        + "  = help: give `epochs` a value, or make it optional with a default in the component\n", r.out());
    assertEquals("flyte-migrate: checked 1 file: 1 error, 0 warnings\n", r.err());
  }

  @Test
  void richOutputShowsTheSourceLineAndTheExplainHint() throws IOException {
    String file = write("unbound.yaml", pipeline("train", ""));
    Cli r = check(file);
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().contains("20 |       train:\n"), r::toString);
    assertTrue(r.out().contains("= see: flyte-migrate explain FM4009"), r::toString);
  }

  @Test
  void warningsExitZeroUnlessWerror() throws IOException {
    String file = write("warn.yaml", pipeline("Train_Model", EPOCHS));
    Cli plain = check(file, "--format", "short");
    assertEquals(0, plain.exit(), plain::toString);
    assertTrue(plain.out().startsWith(file + ":20:7: warning[FM4016]: node id `Train_Model` is not a valid flyte node id;"
        + " it becomes `train-model`\n"), plain::toString);
    assertEquals("flyte-migrate: checked 1 file: 0 errors, 1 warning\n", plain.err());
    Cli strict = check(file, "--format", "short", "--werror");
    assertEquals(1, strict.exit(), strict::toString);
    assertEquals(plain.out(), strict.out());
  }

  @Test
  void directoriesAreSearchedInSortedOrderSkippingHiddenAndNonPipelineFiles() throws IOException {
    write("b/second.yaml", pipeline("train", ""));
    write("a/first.yaml", pipeline("Load_Data", EPOCHS));
    write("a/notes.md", "# not a pipeline\n");
    write(".hidden/broken.yaml", pipeline("train", ""));
    Files.write(dir.resolve("a/image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});
    String root = dir.toString();
    Cli r = check(root, "--format", "short");
    assertEquals(1, r.exit(), r::toString);
    String[] lines = r.out().lines().filter(l -> !l.startsWith("  = ")).toArray(String[]::new);
    assertEquals(2, lines.length, r::toString);
    assertTrue(lines[0].startsWith(root + "/a/first.yaml:20:7: warning[FM4016]: "), r::toString);
    assertTrue(lines[1].startsWith(root + "/b/second.yaml:20:7: error[FM4009]: "), r::toString);
    assertEquals("flyte-migrate: checked 2 files: 1 error, 1 warning; skipped 2 files that no reader recognises\n", r.err());
  }

  @Test
  void aFileNamedOnTheCommandLineIsAlwaysReportedOn() throws IOException {
    String notes = write("notes.md", "# not a pipeline\n");
    Cli r = check(notes, "--format", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().startsWith(notes + ":1:1: error[FM0004]: `" + notes + "` is not in a format flyte-migrate can read\n"),
        r::toString);
    Cli missing = check("no-such-dir/missing.yaml", "--format", "short");
    assertEquals(1, missing.exit(), missing::toString);
    assertTrue(missing.out().startsWith("no-such-dir/missing.yaml: error[FM0001]: cannot read"), missing::toString);
  }

  @Test
  void aFileWithReadingErrorsIsNotValidated() throws IOException {
    // The task runs a component that does not exist: the reader says so (FM1007), and the
    // validators, which would say it again (FM4002), do not run.
    String file = write("bad.yaml", pipeline("train", "").replace("name: comp-train\n", "name: comp-tarin\n"));
    Cli r = check(file, "--format", "short");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.out().contains("error[FM1007]"), r::toString);
    assertFalse(r.out().contains("FM40"), r::toString);
  }

  @Test
  void jsonIsOneArrayForAllFilesAndTheOutputIsTheSameTwice() throws IOException {
    write("x/one.yaml", pipeline("train", ""));
    write("x/two.yaml", pipeline("Load_Data", EPOCHS));
    Cli first = check(dir.resolve("x").toString(), "--format", "json");
    assertEquals(1, first.exit(), first::toString);
    assertTrue(first.out().startsWith("[") && first.out().strip().endsWith("]"), first::toString);
    assertTrue(first.out().contains("\"code\": \"FM4009\"") && first.out().contains("\"code\": \"FM4016\""), first::toString);
    assertEquals(first.out(), check(dir.resolve("x").toString(), "--format", "json").out());
    Cli empty = check(write("ok.yaml", pipeline("train", EPOCHS)), "--format", "json");
    assertEquals("[]", empty.out().strip());
  }

  @Test
  void aFileGivenTwiceIsCheckedOnce() throws IOException {
    String file = write("unbound.yaml", pipeline("train", ""));
    Cli r = check(file, file, "--format", "short");
    assertEquals(1, r.out().lines().filter(l -> l.contains("error[FM4009]")).count(), r::toString);
    assertEquals("flyte-migrate: checked 1 file: 1 error, 0 warnings\n", r.err());
  }

  @Test
  void theCommandLineNeedsAPathAndAKnownFormat() {
    Cli none = check();
    assertEquals(2, none.exit(), none::toString);
    assertTrue(none.err().contains("FILE|DIR"), none::toString);
    Cli badFormat = check("x.yaml", "--format", "xml");
    assertEquals(2, badFormat.exit(), badFormat::toString);
    assertTrue(badFormat.err().contains("expected one of rich, short, json"), badFormat::toString);
  }

  @Test
  void helpTeaches() {
    Cli r = check("--help");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("Usage: flyte-migrate check"), r::toString);
    assertTrue(r.out().contains("\nExamples:\n  flyte-migrate check "), r::toString);
    assertTrue(r.out().contains("\nExit codes:\n  0   "), r::toString);
    assertTrue(r.out().contains("--werror"), r::toString);
  }

  @Test
  void theSummaryCountsInWords() {
    assertEquals("flyte-migrate: checked 0 files: no problems found", CheckCommand.summary(java.util.List.of(), 0, 0));
  }
}

package io.flytemigrate.report;

/** What became of one input of a batch. */
public enum InputStatus {
  /** A pipeline was read and Flyte files were written. */
  CONVERTED("converted"),
  /** The input was meant to be converted but has errors; nothing or only part was written. */
  FAILED("failed"),
  /** The input was left alone, e.g. because no reader recognises it. */
  SKIPPED("skipped");

  private final String label;

  InputStatus(String label) {
    this.label = label;
  }

  /** The lowercase word used in every output ({@code converted}, {@code failed}, {@code skipped}). */
  public String label() {
    return label;
  }
}

package io.flytemigrate.ir.diag;

/** How bad a finding is. Order matters: the most severe first. */
public enum Severity {
  /** The input cannot be translated faithfully; the command exits 1. */
  ERROR("error"),
  /** Translated, but something was approximated, ignored or looks wrong. */
  WARNING("warning"),
  /** Information a reviewer may want; never fails a run. */
  NOTE("note");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** The lowercase word used in rendered diagnostics ({@code error}, {@code warning}, {@code note}). */
  public String label() {
    return label;
  }
}

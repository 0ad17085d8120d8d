package io.flytemigrate.ir.parity;

/** How faithfully a source element was translated. */
public enum Fidelity {
  /** Same behaviour on Flyte. */
  EXACT,
  /** Translated, with a difference the reason states. */
  APPROXIMATED,
  /** Not translated; the reason says why and what to do. */
  DROPPED
}

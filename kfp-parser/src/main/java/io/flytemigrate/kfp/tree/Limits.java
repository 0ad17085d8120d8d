package io.flytemigrate.kfp.tree;

/** Safety limits for loading untrusted documents. */
public final class Limits {
  /** Aliases to collections allowed in one YAML stream (alias bombs use thousands). */
  public static final int MAX_ALIASES = 50;

  /** How deep mappings and sequences may nest; real pipeline specs stay under 20. */
  public static final int MAX_DEPTH = 100;

  /** Characters in one document. */
  public static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

  /** Characters in one line: longer tokens make the YAML scanner slow (quadratic in its length). */
  public static final int MAX_LINE = 1_000_000;

  /** Nodes after aliases are expanded, so shared anchors cannot multiply without bound. */
  public static final int MAX_NODES = 2_000_000;

  private Limits() {}
}

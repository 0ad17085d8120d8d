package io.flytemigrate.airflow.eval;

/** How a statement ended: normally, or by {@code break}, {@code continue}, {@code return} or {@code raise}. */
enum Flow {
  NORMAL,
  BREAK,
  CONTINUE,
  RETURN,
  RAISE
}

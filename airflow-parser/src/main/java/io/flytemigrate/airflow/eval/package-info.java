/**
 * Static evaluation of a DAG file: a small interpreter for the module-level Python that builds
 * DAGs (imports, constants, dicts, f-strings, literal loops and comprehensions, helper
 * functions, {@code @dag}/{@code @task_group} bodies) that knows Airflow's API and produces
 * {@link io.flytemigrate.airflow.model.DagModel}s. It never runs anything: no imports are
 * performed, no task code is evaluated, there is no IO, clock or environment; what depends on
 * them is an unknown value with a reason.
 */
package io.flytemigrate.airflow.eval;

/**
 * The serialized-DAG reader's JSON side: Airflow's stored form of an evaluated DAG (schema
 * versions 1 to 3) decoded into {@link io.flytemigrate.airflow.model.DagModel}s, so the same
 * mapper gives the same IR as for the DAG file. Jackson streaming only; no IR here.
 */
package io.flytemigrate.airflow.serialized;

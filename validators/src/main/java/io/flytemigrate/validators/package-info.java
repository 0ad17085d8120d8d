/**
 * Checks on a translated {@link io.flytemigrate.ir.Pipeline}, made the way Flyte's compiler
 * (flytepropeller) will make them at registration, but reported against the user's source file
 * with spans: one {@link io.flytemigrate.validators.Check} per rule, each with its own diagnostic
 * code, listed in {@link io.flytemigrate.validators.Validators#all()}.
 *
 * <p>Deliberately absent: IO, any source format and any Flyte library. The checks read the IR
 * only, so a workflow they accept does not depend on which reader produced it.
 */
package io.flytemigrate.validators;

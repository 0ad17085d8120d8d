/**
 * Small general-purpose pieces that could have been in the JDK. Nothing here knows about
 * pipelines, Flyte or diagnostics.
 */
package io.flytemigrate.std;

/**
 * How the outside world reaches ingest: the HTTP API ({@code rest}, its wire formats in {@code
 * rest.json}) and the metadata shipped in the WAR ({@code seed}). Everything here decodes into
 * records before the application sees it.
 */
package dev.setpoint.ingest.interfaces;

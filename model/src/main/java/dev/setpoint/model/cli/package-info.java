/**
 * The command line of the offline tools ({@code dataset}, {@code export}, {@code train}, {@code
 * bootstrap}, {@code evaluate}).
 */
package dev.setpoint.model.cli;

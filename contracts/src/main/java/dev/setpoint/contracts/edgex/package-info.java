/**
 * EdgeX v3 request and response bodies, field for field as EdgeX names them, so EdgeX clients talk
 * to Setpoint unchanged. See {@code ../shared/EDGEX-API.md}.
 */
package dev.setpoint.contracts.edgex;

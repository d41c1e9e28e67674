/**
 * The wire formats of ingest's REST API, read strictly into the contracts' records: EdgeX v3
 * metadata and event JSON, device profiles in YAML, and the EdgeX v1 bodies of the report's device
 * script. A wrong JSON type or an unknown field is refused with a message naming its path ({@code
 * [1].profile.deviceResources[0].properties.minimum}); the rules on the values are the
 * application's ({@code ProfileRules}, {@code DeviceServiceRules}, {@code DeviceRules}).
 */
package dev.setpoint.ingest.interfaces.rest.json;

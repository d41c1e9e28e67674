// The savings work's hours (measurement energy), copied unchanged into the roll-up bucket so they
// outlive the raw retention; the last day again, since the energy roll-up rewrites its last hours.
// stack/influx.sh's energy_1h in Flux.
option task = {name: "setpoint-energy-1h", every: 1h, offset: 2m}

from(bucket: "setpoint")
    |> range(start: -1d)
    |> filter(fn: (r) => r._measurement == "energy")
    |> to(bucket: "setpoint_1h", org: "setpoint")

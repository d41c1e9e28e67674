// The 1-hour roll-up of each device's climate, made of its minutes: stack/influx.sh's continuous
// query climate_1h in Flux. Every hour the last 2 again. Means of the minutes' means (minutes weigh
// alike), the least minimum, the greatest maximum, the sum of the minutes' energy.
import "strings"

option task = {name: "setpoint-climate-1h", every: 1h, offset: 1m}

minutes =
    from(bucket: "setpoint_1m")
        |> range(start: -2h)
        |> filter(fn: (r) => r._measurement == "climate")

by = (tables=<-, prefix, fn) =>
    tables
        |> filter(fn: (r) => strings.hasPrefix(v: r._field, prefix: prefix))
        |> aggregateWindow(every: 1h, fn: fn, timeSrc: "_start", createEmpty: false)

union(
    tables: [
        minutes |> by(prefix: "mean_", fn: mean),
        minutes |> by(prefix: "min_", fn: min),
        minutes |> by(prefix: "max_", fn: max),
        minutes |> by(prefix: "sum_", fn: sum),
        minutes |> by(prefix: "last_", fn: last),
    ],
)
    |> to(bucket: "setpoint_1h", org: "setpoint")

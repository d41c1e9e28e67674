// The 1-minute roll-up of each device's climate: stack/influx.sh's continuous query climate_1m in
// Flux. Every minute the last 2 again (a point a little late; each counter's previous minute). Means,
// minima and maxima of the gauges, each counter's rise since the previous minute's last reading
// as the minute's energy (never a mean of counter readings), the weather category's last value.
option task = {name: "setpoint-climate-1m", every: 1m, offset: 5s}

gauges = [
    "temperature",
    "humidity",
    "outdoor_temperature",
    "outdoor_humidity",
    "current_setpoint",
    "cooling_power",
    "it_power",
    "compute_power",
]
counters = ["cooling_energy", "it_energy"]

raw =
    from(bucket: "setpoint")
        |> range(start: -2m)
        |> filter(fn: (r) => r._measurement == "climate")

stat = (tables=<-, fn, prefix) =>
    tables
        |> filter(fn: (r) => contains(value: r._field, set: gauges))
        |> aggregateWindow(every: 1m, fn: fn, timeSrc: "_start", createEmpty: false)
        |> map(fn: (r) => ({r with _field: prefix + r._field}))

energy =
    raw
        |> filter(fn: (r) => contains(value: r._field, set: counters))
        |> aggregateWindow(every: 1m, fn: last, timeSrc: "_start", createEmpty: false)
        |> difference(nonNegative: true)
        |> map(fn: (r) => ({r with _field: "sum_" + r._field}))

category =
    raw
        |> filter(fn: (r) => r._field == "weather_category")
        |> aggregateWindow(every: 1m, fn: last, timeSrc: "_start", createEmpty: false)
        |> toFloat()
        |> map(fn: (r) => ({r with _field: "last_weather_category"}))

union(
    tables: [
        raw |> stat(fn: mean, prefix: "mean_"),
        raw |> stat(fn: min, prefix: "min_"),
        raw |> stat(fn: max, prefix: "max_"),
        energy,
        category,
    ],
)
    |> to(bucket: "setpoint_1m", org: "setpoint")

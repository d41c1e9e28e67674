// Each room's minute: its hottest inlet (the greatest temperature any of its devices reported)
// and the mean temperature and humidity over its devices; stack/influx.sh's room_1m in Flux.
option task = {name: "setpoint-room-1m", every: 1m, offset: 5s}

room =
    from(bucket: "setpoint")
        |> range(start: -2m)
        |> filter(
            fn: (r) =>
                r._measurement == "climate" and exists r.room
                    and
                    (r._field == "temperature" or r._field == "humidity"),
        )
        |> group(columns: ["_measurement", "_field", "room", "site"])

union(
    tables: [
        room
            |> filter(fn: (r) => r._field == "temperature")
            |> aggregateWindow(every: 1m, fn: max, timeSrc: "_start", createEmpty: false)
            |> map(fn: (r) => ({r with _field: "hottest_inlet"})),
        room
            |> aggregateWindow(every: 1m, fn: mean, timeSrc: "_start", createEmpty: false)
            |> map(fn: (r) => ({r with _field: "mean_" + r._field})),
    ],
)
    |> map(fn: (r) => ({r with _measurement: "room_climate"}))
    |> to(bucket: "setpoint_1m", org: "setpoint")

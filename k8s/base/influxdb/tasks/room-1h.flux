// Each room's hour from its minutes: the hottest minute's inlet, the means of the minutes' means;
// stack/influx.sh's room_1h in Flux.
option task = {name: "setpoint-room-1h", every: 1h, offset: 1m}

minutes =
    from(bucket: "setpoint_1m")
        |> range(start: -2h)
        |> filter(fn: (r) => r._measurement == "room_climate")

union(
    tables: [
        minutes
            |> filter(fn: (r) => r._field == "hottest_inlet")
            |> aggregateWindow(every: 1h, fn: max, timeSrc: "_start", createEmpty: false),
        minutes
            |> filter(fn: (r) => r._field != "hottest_inlet")
            |> aggregateWindow(every: 1h, fn: mean, timeSrc: "_start", createEmpty: false),
    ],
)
    |> to(bucket: "setpoint_1h", org: "setpoint")

// Runs once, when MongoDB starts on an empty volume (the image's /docker-entrypoint-initdb.d):
// the application's own user, with read and write on the Setpoint databases only: `setpoint` (the
// edge buffer, ingest and relay) and `setpoint-cloud` (analytics' own store: the rooms' modes).
// The root user and both passwords come from the Secret setpoint-mongodb.
db.getSiblingDB("admin").createUser({
  user: process.env.SETPOINT_MONGODB_APP_USERNAME,
  pwd: process.env.SETPOINT_MONGODB_APP_PASSWORD,
  roles: [
    { role: "readWrite", db: "setpoint" },
    { role: "readWrite", db: "setpoint-cloud" },
  ],
});

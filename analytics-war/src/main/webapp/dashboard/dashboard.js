// The operators' dashboard: logs in at ingest's issuer, then polls analytics' history API and the
// edge's health and metrics. Shows only what the user's role may do (viewer < operator < admin):
// controls a role may not use are left out, not merely disabled, and a 403 from a server is said
// in words. Plain browser JavaScript, no build step; Chart.js is served from the WAR (vendor/,
// unpacked from its WebJar at build time). Server data reaches the page as text only
// (textContent, Option, value), never as markup.
'use strict';

const TOKEN_KEY = 'setpoint.token';
const REFRESH_KEY = 'setpoint.refresh';
const ROLE_KEY = 'setpoint.role';
// The access token is renewed this long before it expires (it lives 10 min by default).
const REFRESH_AHEAD_S = 60;
// The roles, lowest first; each may do what the ones before it may (contracts' Role).
const ROLES = ['viewer', 'operator', 'admin'];
const API = '../api/v1';
const ENVELOPE = { min: 18, max: 27, margin: 1 };
// The report's weather categories (relay-war WeatherCategories).
const WEATHER = {
  1: 'clear sky', 2: 'few clouds', 3: 'clouds', 4: 'overcast', 5: 'mist or haze',
  6: 'drizzle', 7: 'rain', 8: 'thunderstorm', 9: 'snow',
};

const state = {
  config: null, range: '1h', device: null, site: '', timer: null, devices: [], energyRoom: null, energyAt: 0,
  savingsOpen: false, savingsWanted: false, savingsRoom: null, savingsMonth: null, savingsAt: 0,
  alertsOpen: false, alertsWanted: false, alertsTimer: null, alertCount: null, alertsPage: 0, alertsSeq: 0,
  alertsFilter: { state: '', severity: '', room: '' }, ackOpen: null,
  rulesSite: '', rulesRoom: '', rulesScope: null, rulesSeq: 0,
  user: null, role: null, refreshTimer: null,
  devicesOpen: false, fleet: null, fleetNote: '', fleetSeq: 0, profiles: null, services: null, detail: null, detailSeq: 0,
  auditOpen: false, auditPage: 0, auditSeq: 0, auditFilter: { from: '', to: '', user: '', device: '', kind: '' }, auditShown: '',
  usersOpen: false, usersSeq: 0,
  wantedView: null,
};
// Read by the browser test and handy in the console: the charts and the last history answer.
window.setpointDashboard = { charts: {}, history: null, state };

const $ = (id) => document.getElementById(id);

function token() { return sessionStorage.getItem(TOKEN_KEY); }

// A JWT's claims, read (not verified: the servers verify) for the user's name and groups.
function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
  } catch (e) {
    return {};
  }
}

// Who is logged in: the name from the token, the role the login answered (a token kept from before
// a reload: its groups, the claim the servers map onto the role). Unknown means viewer, the least.
function whoIsIn() {
  const c = claims(token() || '');
  const groups = Array.isArray(c.groups) ? c.groups : [];
  const fromGroups = ROLES.filter((r) => groups.includes(r)).pop();
  const role = sessionStorage.getItem(ROLE_KEY) || fromGroups;
  state.user = c.upn || c.preferred_username || c.sub || '?';
  state.role = ROLES.includes(role) ? role : 'viewer';
  window.setpointDashboard.role = state.role;
}

// Whether the logged-in user's role includes `needed`.
function can(needed) {
  return ROLES.indexOf(state.role) >= ROLES.indexOf(needed);
}

// Shows each element marked data-role="<least role>" only to that role and above, and closes a
// view the role may not see (a user logged out and another logged in on the same tab).
function applyRole() {
  document.querySelectorAll('[data-role]').forEach((e) => { e.hidden = !can(e.dataset.role); });
  $('whoami').textContent = state.user + ' · ' + state.role;
  if (!can('operator')) showAudit(false);
  if (!can('admin')) showUsers(false);
}

// ingest's other auth endpoints, beside its login: refresh and logout.
function authUrl(name) {
  return state.config.loginUrl.replace(/\/token$/, '/' + name);
}

// Keeps a login's or refresh's answer and renews the access token before it expires.
function keepTokens(body) {
  sessionStorage.setItem(TOKEN_KEY, body.access_token);
  if (body.refresh_token) sessionStorage.setItem(REFRESH_KEY, body.refresh_token);
  if (ROLES.includes(body.role)) sessionStorage.setItem(ROLE_KEY, body.role);
  scheduleRefresh();
}

// Renews the token REFRESH_AHEAD_S before its exp (read from the token, so a reload keeps it up).
function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  const exp = claims(token() || '').exp;
  if (!sessionStorage.getItem(REFRESH_KEY) || typeof exp !== 'number') return;
  const wait = Math.max(5, exp - REFRESH_AHEAD_S - Date.now() / 1000);
  state.refreshTimer = setTimeout(() => { refreshTokens().catch(() => {}); }, wait * 1000);
}

// One refresh at a time: a refresh token works once, so two at once would revoke the session.
let refreshing = null;
function refreshTokens() {
  if (!refreshing) {
    refreshing = (async () => {
      const refreshToken = sessionStorage.getItem(REFRESH_KEY);
      if (!refreshToken) return false;
      const response = await fetch(authUrl('refresh'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refresh_token: refreshToken }),
      });
      if (!response.ok) {
        if (response.status === 401) showLogin('your session ended; log in again');
        return false;
      }
      keepTokens(await response.json());
      return true;
    })().finally(() => { refreshing = null; });
  }
  return refreshing;
}

// Forgets the tokens here at once, then logs out at the issuer (the token and its session are
// revoked at every server); keepalive lets that request finish when the page is left right away,
// and the page is logged out even when the issuer cannot be reached.
function logout() {
  const bearer = token();
  showLogin('');
  if (bearer && state.config) {
    fetch(authUrl('logout'), { method: 'POST', keepalive: true, headers: { Authorization: 'Bearer ' + bearer } })
      .catch(() => {});
  }
}

function showLogin(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(ROLE_KEY);
  clearTimeout(state.refreshTimer);
  clearInterval(state.timer);
  clearInterval(state.alertsTimer);
  $('dashboard').hidden = true;
  $('pickers').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
  // Nothing of the last user's session stays in the page for the next one.
  for (const dialog of [$('token-dialog'), $('confirm-dialog')]) if (dialog.open) dialog.close();
  showDevices(false);
  showAudit(false);
  showUsers(false);
  state.fleet = null;
  state.profiles = null;
  state.services = null;
  for (const id of ['fleet', 'audit-list', 'user-list']) $(id).tBodies[0].replaceChildren();
  closeDetail();
}

class Unauthorized extends Error {}

// A request with the bearer token; a 401 is tried once more after a refresh (the token expired
// while the tab slept), then it ends the session.
async function api(url, options = {}, retried = false) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  if (token()) headers.Authorization = 'Bearer ' + token();
  const response = await fetch(url, Object.assign({}, options, { headers }));
  if (response.status === 401) {
    if (!retried && await refreshTokens().catch(() => false)) return api(url, options, true);
    throw new Unauthorized('your session ended; log in again');
  }
  return response;
}

// An error body's words: analytics' API errors say 'message', the savings and KServe ones 'error'.
// A 403 says first that the role may not (a server refused what the page offered, or a role
// changed since the login).
function problem(body, url, status) {
  const words = (body && (body.message || body.error)) || url + ': HTTP ' + status;
  return status === 403 ? 'not allowed for your role (' + state.role + '): ' + words : words;
}

async function json(url) {
  const response = await api(url);
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(problem(body, url, response.status));
  return body;
}

// A JSON answer whether or not it is an error: { ok, status, body }, for answers such as 409 that
// say something about the room rather than about the request.
async function answer(url) {
  const response = await api(url);
  const body = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body };
}

async function login(event) {
  event.preventDefault();
  $('login-error').textContent = '';
  try {
    const response = await fetch(state.config.loginUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      $('login-error').textContent = body.message || 'login failed: HTTP ' + response.status;
      return;
    }
    keepTokens(body);
    $('password').value = '';
    await start();
  } catch (e) {
    $('login-error').textContent = 'login failed: ' + e.message;
  }
}

function makeChart(canvas, unit, indoorColour, outdoorColour) {
  return new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        { label: 'indoor', data: [], borderColor: indoorColour, backgroundColor: indoorColour, pointRadius: 2, borderWidth: 2 },
        { label: 'outdoor', data: [], borderColor: outdoorColour, backgroundColor: outdoorColour, pointRadius: 2, borderWidth: 2 },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      spanGaps: false,
      scales: {
        x: { type: 'linear', ticks: { maxTicksLimit: 8, callback: (v) => timeLabel(v) } },
        y: { title: { display: true, text: unit } },
      },
      plugins: {
        tooltip: { callbacks: { title: (items) => items.length ? new Date(items[0].parsed.x).toLocaleString() : '' } },
      },
    },
  });
}

function timeLabel(ms) {
  const d = new Date(ms);
  if (state.range === '30d' || state.range === '1y') {
    return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  }
  if (state.range === '7d') {
    return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' }) + ' ' +
      d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }
  return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

// The API picks the stored copy for the range (raw up to ~4 h, 1-minute roll-ups up to ~10 d,
// 1-hour roll-ups beyond) and says which; the chart says it too.
const RESOLUTIONS = { raw: 'raw points', '1m': '1-minute roll-ups', '1h': '1-hour roll-ups' };

function resolutionText(history) {
  const source = RESOLUTIONS[history.resolution] || history.resolution || '';
  return history.interval ? source + ', ' + history.interval + ' means' : source;
}

function points(samples, field) {
  return samples.filter((s) => s[field] !== null && s[field] !== undefined)
    .map((s) => ({ x: s.time, y: s[field] }));
}

function setTile(id, level) {
  $(id).className = 'tile ' + level;
}

function fmt(value, unit) {
  return value === null || value === undefined ? '–' : Number(value).toFixed(1) + ' ' + unit;
}

function renderHistory(history) {
  window.setpointDashboard.history = history;
  const { temperature, humidity } = window.setpointDashboard.charts;
  temperature.data.datasets[0].data = points(history.samples, 'temperature');
  temperature.data.datasets[1].data = points(history.samples, 'outdoorTemperature');
  humidity.data.datasets[0].data = points(history.samples, 'humidity');
  humidity.data.datasets[1].data = points(history.samples, 'outdoorHumidity');
  for (const chart of [temperature, humidity]) {
    chart.options.scales.x.min = history.from;
    chart.options.scales.x.max = history.to;
    chart.update();
  }
  $('resolution').textContent = resolutionText(history);

  const latest = history.latest || {};
  const t = latest.temperature;
  if (t === null || t === undefined) {
    $('status').textContent = 'no data';
    $('status-note').textContent = 'envelope 18–27 °C';
    setTile('status-tile', '');
  } else {
    $('status').textContent = fmt(t, '°C');
    let level = 'ok';
    let note = 'inside the 18–27 °C envelope';
    if (t < ENVELOPE.min || t > ENVELOPE.max) {
      level = 'bad';
      note = t > ENVELOPE.max ? 'above 27 °C: too warm' : 'below 18 °C: overcooled';
    } else if (t < ENVELOPE.min + ENVELOPE.margin || t > ENVELOPE.max - ENVELOPE.margin) {
      level = 'warn';
      note = 'within 1 °C of the envelope\'s edge';
    }
    $('status-note').textContent = note + (latest.humidity != null ? ' · ' + fmt(latest.humidity, '%') : '');
    setTile('status-tile', level);
  }

  const setpoint = latest.currentSetpoint;
  $('current-setpoint').textContent = fmt(setpoint, '°C');
  setTile('setpoint-tile', setpoint == null ? '' :
    (setpoint < ENVELOPE.min || setpoint > ENVELOPE.max ? 'bad' : 'info'));

  const rec = history.recommendation;
  if (rec && rec.recommended != null) {
    $('recommended-setpoint').textContent = fmt(rec.recommended, '°C');
    const parts = [];
    if (rec.reason) parts.push(rec.reason);
    if (rec.predicted != null) parts.push('predicted ' + fmt(rec.predicted, '°C'));
    if (rec.predictedCurrent != null && rec.currentSetpoint != null) {
      parts.push('at ' + fmt(rec.currentSetpoint, '°C') + ' it would be ' +
        fmt(rec.predictedCurrent, '°C'));
    }
    if (rec.predictedPower != null) parts.push('predicted power ' + power(rec.predictedPower, rec.predictedPowerCurrent, rec.currentSetpoint));
    if (rec.modelVersion) parts.push('model ' + rec.modelVersion);
    parts.push(new Date(rec.time).toLocaleString());
    $('recommendation-reason').textContent = parts.join(' · ');
    const differs = setpoint != null && Math.abs(rec.recommended - setpoint) >= 0.5;
    setTile('recommendation-tile', differs ? 'warn' : 'ok');
  } else {
    $('recommended-setpoint').textContent = '–';
    $('recommendation-reason').textContent = 'no recommendation yet';
    setTile('recommendation-tile', '');
  }

  const category = latest.weatherCategory;
  $('weather').textContent = category != null ? (WEATHER[category] || 'category ' + category) : '–';
  $('weather-note').textContent = [fmt(latest.outdoorTemperature, '°C'), fmt(latest.outdoorHumidity, '%')]
    .filter((v) => v !== '–').join(' · ');
  setTile('weather-tile', category == null ? '' : category >= 7 ? 'warn' : 'info');
}

function historyUrl() {
  const params = new URLSearchParams({ range: state.range });
  if (state.device) params.set('device', state.device);
  else if (state.site) params.set('site', state.site);
  return API + '/history/climate?' + params;
}

async function refreshHistory() {
  if (!state.device && !state.site) return;
  renderHistory(await json(historyUrl()));
}

function ago(ms) {
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.round(s / 60) + ' min ago';
  if (s < 86400) return Math.round(s / 3600) + ' h ago';
  return Math.round(s / 86400) + ' d ago';
}

function renderDevices() {
  const select = $('device-select');
  const shown = state.devices.filter((d) => !state.site || d.site === state.site);
  const current = state.device;
  select.replaceChildren(...shown.map((d) => new Option(d.device, d.device)));
  // '' means the whole site (its devices averaged); null means not chosen yet.
  if (state.site) select.prepend(new Option('(whole site)', ''));
  if (current === '' && state.site) select.value = '';
  else if (current && shown.some((d) => d.device === current)) select.value = current;
  else {
    state.device = shown.length ? shown[0].device : null;
    select.value = state.device || '';
  }
  const body = $('device-table').tBodies[0];
  body.replaceChildren(...shown.map((d) => {
    const row = document.createElement('tr');
    if (d.device === state.device) row.className = 'selected';
    const age = (Date.now() - d.lastSeen) / 1000;
    const cells = [d.device, d.site || '–', ago(d.lastSeen)];
    cells.forEach((text, i) => {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (i === 2) cell.className = age < 60 ? 'fresh' : age < 600 ? 'late' : 'gone';
      row.append(cell);
    });
    row.addEventListener('click', () => selectDevice(d.device));
    return row;
  }));
  if (!$('override-device').value && state.device) $('override-device').value = state.device;
}

async function refreshDevices() {
  state.devices = await json(API + '/devices');
  renderDevices();
}

async function refreshSites() {
  const sites = await json(API + '/sites');
  const select = $('site-select');
  select.replaceChildren(new Option('all sites', ''), ...sites.map((s) => new Option(s, s)));
  select.value = state.site;
  renderRulesSites(sites);
  fillList($('known-sites'), sites);
}

async function refreshEdge() {
  const list = $('edge-health');
  const rows = [];
  // The backlog from the relay's readiness data: /metrics answers the scraper's credential only.
  let backlog = null;
  let age = null;
  try {
    const response = await fetch(state.config.healthUrl, { headers: { Accept: 'application/json' } });
    const health = await response.json();
    rows.push(['readiness', health.status]);
    for (const check of health.checks || []) {
      if (!check.name.startsWith('relay')) continue;
      let text = check.status;
      if (check.data && check.data.reason) text += ' · ' + check.data.reason;
      if (check.data && check.data.pendingEvents !== undefined) {
        backlog = check.data.pendingEvents;
        age = check.data.oldestPendingAgeSeconds;
      }
      rows.push([check.name, text]);
    }
  } catch (e) {
    rows.push(['readiness', 'unreachable']);
  }
  rows.push(['backlog', backlog === null ? 'n/a' : String(backlog) + ' events']);
  rows.push(['oldest pending', age == null ? 'n/a' : Number(age).toFixed(0) + ' s']);
  list.replaceChildren(...rows.flatMap(([name, value]) => {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.className = /^UP/.test(value) ? 'up' : /^(DOWN|unreachable)/.test(value) ? 'down' : '';
    return [dt, dd];
  }));
}

// A decision's predicted power (a model with a power head: cooling plus server fans above idle,
// kW), with the current setpoint's beside it when known: "12.3 kW (12.9 kW at 23.0)".
function power(kw, currentKw, currentC) {
  let text = fmt(kw, 'kW');
  if (currentKw != null && currentC != null) text += ' (' + fmt(currentKw, 'kW') + ' at ' + Number(currentC).toFixed(1) + ')';
  return text;
}

// Why a room is at its setpoint, in words: the decision's reason with its prediction and margin.
const REASONS = {
  model: 'the model: the cheapest setpoint predicted safe (the highest, without a power head)',
  step_limited: 'raised by at most 1 °C per decision',
  no_safe_candidate: 'no setpoint predicted safe: the lowest',
  dwell: 'kept: changed less than 15 min ago and still predicted safe',
  window_incomplete: 'too few recent samples: holding, stepping toward 18 °C',
  window_stale: 'no recent samples: holding, stepping toward 18 °C',
  prediction_missing: 'no model answer: holding, stepping toward 18 °C',
  out_of_range: 'outside what the model was trained on: holding',
  rate_limited: 'changed as far as the room\'s limit per hour allows',
  pilot_fixed: 'the room\'s pilot runs its fixed setpoint today',
};

function why(d) {
  let text = REASONS[d.reason] || d.reason;
  if (d.predicted !== undefined) {
    text += ' · hottest predicted inlet ' + d.predicted.toFixed(1) + ' °C';
    if (d.predictedCurrent !== undefined) text += ' (' + d.predictedCurrent.toFixed(1) + ' °C at ' + d.current.toFixed(1) + ')';
    text += ', limit ' + (ENVELOPE.max - d.margin).toFixed(2) + ' °C (margin ' + d.margin.toFixed(2) + ')';
  }
  if (d.predictedPower !== undefined) text += ' · predicted power ' + power(d.predictedPower, d.predictedPowerCurrent, d.current);
  const inputs = d.inputs || {};
  if (inputs.outdoorSource === 'held') text += ' · weather feed out: last known outdoor value';
  if (inputs.outdoorSource === 'climatology') text += ' · weather feed out: the usual outdoor value at this hour';
  return text;
}

// How often the room's predictions held: the peak inlet within prediction + margin.
function bound(b) {
  if (!b || !b.checked) return '';
  return ' · bound held ' + (100 * b.covered / b.checked).toFixed(1) + ' % of ' + b.checked;
}

// An operator's controls of a room: its mode, and whether it holds tape (the room's setpoint then
// changes by at most the tape limit, 5 °C, within any hour).
function roomControls(room) {
  const select = document.createElement('select');
  select.className = 'room-mode';
  select.setAttribute('aria-label', 'mode of ' + room.room);
  for (const m of ['auto', 'advisory', 'off']) select.append(new Option(m, m));
  if (room.mode === 'unknown') select.prepend(new Option('unknown', 'unknown'));
  select.value = room.mode;
  select.title = room.modeSetBy === 'operator' ? 'set by ' + (room.modeChangedBy || '?') + ' ' + ago(Date.parse(room.modeChangedAt)) : 'default';
  select.addEventListener('change', () => putRoom(room.room, 'mode', { mode: select.value }));
  const tape = document.createElement('input');
  tape.type = 'checkbox';
  tape.className = 'room-tape';
  tape.checked = room.holdingTape === true;
  tape.setAttribute('aria-label', 'holding tape in ' + room.room);
  tape.addEventListener('change', () => putRoom(room.room, 'tape', { holdingTape: tape.checked }));
  const tapeLabel = document.createElement('label');
  tapeLabel.append(tape, ' holding tape');
  return [select, ' ', tapeLabel];
}

function renderRooms(body) {
  window.setpointDashboard.rooms = body;
  $('rooms-note').textContent = (body.storeReachable ? '' : 'the mode store cannot be reached: modes as last read · ')
    + 'rooms without a mode of their own are ' + body.defaultMode;
  const rows = body.rooms.map((room) => {
    const row = document.createElement('tr');
    row.dataset.room = room.room;
    const name = document.createElement('td');
    name.textContent = room.room + (room.site ? ' (' + room.site + ')' : '');
    const mode = document.createElement('td');
    if (can('operator')) mode.append(...roomControls(room));
    else mode.append(el('span', 'room-mode-text', room.mode), room.holdingTape ? el('span', 'note', ' · holding tape') : '');
    const hottest = (room.sensors || []).reduce((a, s) => (a === null || s.temperature > a.temperature ? s : a), null);
    const d = room.lastDecision;
    const cells = [
      hottest ? hottest.temperature.toFixed(1) + ' °C · ' + hottest.device : '–',
      room.reportedSetpoint !== undefined ? room.reportedSetpoint.toFixed(1) + ' °C' : '–',
      d ? d.recommended.toFixed(1) + ' °C ' + (d.commanded ? 'sent' : 'advice only') + ' · ' + ago(Date.parse(d.time)) : '–',
      (d ? why(d) : 'no decision yet') + bound(room.bound),
    ].map((text) => { const td = document.createElement('td'); td.textContent = text; return td; });
    row.append(name, mode, ...cells);
    return row;
  });
  $('room-table').tBodies[0].replaceChildren(...rows);
  renderEnergyRooms(body.rooms.map((r) => r.room));
  renderSavingsRooms(body.rooms.map((r) => r.room));
  renderAlertRooms(body.rooms.map((r) => r.room));
  fillList($('known-rooms'), body.rooms.map((r) => r.room));
}

async function refreshRooms() {
  renderRooms(await json(API + '/rooms'));
}

// Sets one field of a room's control: 'mode' with { mode }, 'tape' with { holdingTape }.
function putRoom(room, field, body) {
  action(async () => {
    const response = await api(API + '/rooms/' + encodeURIComponent(room) + '/' + field, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    refreshRooms().catch(() => {});
    return response;
  });
}

// Energy per room (README "Energy"): the roll-up runs every few minutes, so a minute between reads.
const ENERGY_EVERY_MS = 60000;
const ENERGY_COLOURS = {
  cooling: { complete: '#1565c0', estimated: '#ef8f00', incomplete: '#b0bec5' },
  it: { complete: '#6a1b9a', estimated: '#ffb74d', incomplete: '#cfd8dc' },
};

// An hour's or day's standing: complete (proves savings), estimated (a gap's energy spread over
// it) or incomplete (not over, not wholly covered, excluded time, an anomaly).
function energyStatus(row) {
  if (row.complete) return 'complete';
  if (row.gapSeconds > 0) return 'estimated';
  return 'incomplete';
}

function energyWhy(row, span) {
  if (row.complete) return 'complete';
  const parts = [];
  if (row.gapSeconds > 0) parts.push('estimated: ' + Math.round(row.gapSeconds / 60) + ' min in gaps');
  if (row.excludedSeconds > 0) parts.push(Math.round(row.excludedSeconds / 60) + ' min excluded');
  if (row.resets > 0) parts.push(row.resets + ' counter reset' + (row.resets > 1 ? 's' : ''));
  // up to now: the rest of a current hour or day is not missing, it has not happened yet
  const elapsed = Math.min(span, (Date.now() - Date.parse(row.time)) / 1000);
  const uncovered = elapsed - row.coveredSeconds - row.gapSeconds - row.excludedSeconds;
  if (uncovered >= 60) parts.push(Math.round(uncovered / 60) + ' min without readings');
  if (elapsed < span) parts.push('not over yet');
  return parts.length ? parts.join(', ') : 'an anomaly (below)';
}

function makeEnergyChart(canvas) {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [
      { label: 'cooling', data: [], backgroundColor: [] },
      { label: 'IT', data: [], backgroundColor: [] },
    ] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { ticks: { maxTicksLimit: 12 } }, y: { title: { display: true, text: 'kWh' } } },
      plugins: {
        tooltip: { callbacks: { afterLabel: (item) => energyWhy(window.setpointDashboard.energy.hours.rows[item.dataIndex], 3600) } },
      },
    },
  });
}

function renderEnergyRooms(rooms) {
  const select = $('energy-room');
  if (!state.energyRoom || !rooms.includes(state.energyRoom)) state.energyRoom = rooms.length ? rooms[0] : null;
  const current = [...select.options].map((o) => o.value).join('\n');
  if (current !== rooms.join('\n')) select.replaceChildren(...rooms.map((r) => new Option(r, r)));
  select.value = state.energyRoom || '';
  $('energy').hidden = rooms.length === 0;
}

function renderEnergy(hours, days, anomalies) {
  window.setpointDashboard.energy = { hours, days, anomalies };
  const chart = window.setpointDashboard.charts.energy;
  const hourLabel = (row) => new Date(row.time).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  chart.data.labels = hours.rows.map(hourLabel);
  const series = [['cooling', 'coolingKwh'], ['it', 'itKwh']];
  series.forEach(([quantity, field], i) => {
    chart.data.datasets[i].data = hours.rows.map((r) => (r[field] === undefined ? null : r[field]));
    chart.data.datasets[i].backgroundColor = hours.rows.map((r) => ENERGY_COLOURS[quantity][energyStatus(r)]);
  });
  chart.update();

  const fmtKwh = (v) => (v === undefined ? '–' : Number(v).toFixed(1));
  $('energy-days').tBodies[0].replaceChildren(...days.rows.slice().reverse().map((row) => {
    const tr = document.createElement('tr');
    const status = energyStatus(row);
    const cells = [
      row.time.slice(0, 10),
      fmtKwh(row.coolingKwh),
      fmtKwh(row.itKwh),
      (100 * row.coveredSeconds / 86400).toFixed(0) + ' %',
      energyWhy(row, 86400),
    ];
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 4) td.className = status;
      tr.append(td);
    });
    return tr;
  }));

  const rows = anomalies.anomalies.map((a) => {
    const tr = document.createElement('tr');
    tr.className = 'anomaly ' + a.kind;
    [new Date(a.from).toLocaleString(), new Date(a.to).toLocaleString(), a.device + ' (' + a.quantity + ')', a.kind, a.detail]
      .forEach((text) => { const td = document.createElement('td'); td.textContent = text; tr.append(td); });
    return tr;
  });
  if (!rows.length) {
    const tr = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 5;
    td.textContent = 'none';
    tr.append(td);
    rows.push(tr);
  }
  $('energy-anomalies').tBodies[0].replaceChildren(...rows);
}

// ---- Savings: a room's baseline (Guideline 14's verdict), its month report and its pilot.
// A month report fits the room's baselines again, so it is read when the view opens, when the room
// or month changes, and then every few minutes while the view is open.
const SAVINGS_EVERY_MS = 5 * 60000;
const METERS = { cooling: 'cooling', cooling_it: 'cooling + IT' };
const REPORT_TYPES = { html: 'text/html', csv: 'text/csv' };

// An element with its class and children (text or elements; null and undefined left out); text
// is never parsed as markup.
function el(tag, className, ...children) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

function kwh(v) {
  return v == null ? '–' : Number(v).toFixed(1) + ' kWh';
}

function percent(fraction) {
  return (100 * fraction).toFixed(1) + ' %';
}

function minutes(m) {
  return m < 60 ? m + ' min' : Math.floor(m / 60) + ' h' + (m % 60 ? ' ' + (m % 60) + ' min' : '');
}

function thisMonth() {
  return new Date().toISOString().slice(0, 7); // the server cuts months in UTC unless told
}

// A meter's savings in words: the figure with its uncertainty, or why there are none.
function savingsText(m) {
  if (!m.measured) return 'not measured: ' + (m.reason || 'no reason given');
  if (m.savingsKwh == null) return 'measured, but the savings could not be computed';
  let text = m.savingsKwh >= 0 ? kwh(m.savingsKwh) + ' saved' : kwh(-m.savingsKwh) + ' more used';
  const widths = [];
  if (m.halfWidth68Kwh != null) widths.push('± ' + kwh(m.halfWidth68Kwh) + ' (68 %)');
  if (m.halfWidth90Kwh != null) widths.push('± ' + kwh(m.halfWidth90Kwh) + ' (90 %)');
  if (widths.length) text += ' ' + widths.join(', ');
  if (m.savingsFraction != null) text += ' · ' + percent(m.savingsFraction) + ' of the adjusted baseline';
  return text;
}

// Hours left out, by reason: "3 h no IT meter reading, 9 h meter readings excluded (…)".
function leftOut(excluded) {
  const parts = Object.entries(excluded || {}).map(([reason, hours]) => hours + ' h ' + reason);
  return parts.length ? 'left out: ' + parts.join(', ') : null;
}

// One meter's savings as a list item: the figure or the reason, the hours compared and left out.
function meterLine(m) {
  const out = leftOut(m.excludedHours);
  return el('li', m.measured ? 'measured' : 'none',
    el('strong', null, (METERS[m.meter] || m.meter) + ': '), savingsText(m),
    ' · ' + m.usableHours + ' h compared',
    out ? el('br') : null, out ? el('span', 'note', out) : null);
}

function renderBaseline(a) {
  const box = $('savings-baseline-body');
  if (a.status === 409) {
    box.replaceChildren(el('p', 'note', problem(a.body, 'baseline', a.status)));
    return;
  }
  if (!a.ok) {
    box.replaceChildren(el('p', 'error', problem(a.body, 'baseline', a.status)));
    return;
  }
  const b = a.body;
  const set = b.setBy ? ' · set by ' + b.setBy + (b.setAt ? ' ' + ago(Date.parse(b.setAt)) : '') : '';
  const meters = (b.meters || []).map((m) => {
    const out = leftOut(m.excludedHours);
    const figures = [];
    if (m.cvRmse != null) figures.push('CV(RMSE) ' + percent(m.cvRmse));
    if (m.nmbe != null) figures.push('NMBE ' + percent(m.nmbe));
    figures.push(m.usableHours + ' h fitted');
    return el('li', m.accepted ? 'accepted' : 'refused',
      // the verdict starts with 'accepted' or 'refused'
      el('strong', null, (METERS[m.meter] || m.meter) + ': '), m.verdict,
      el('br'), el('span', 'note', figures.join(', ') + (m.model ? ' · ' + m.model : '')),
      m.monthlyVerdict ? el('br') : null, m.monthlyVerdict ? el('span', 'note', 'monthly: ' + m.monthlyVerdict) : null,
      out ? el('br') : null, out ? el('span', 'note', out) : null);
  });
  box.replaceChildren(
    el('p', null, new Date(b.from).toLocaleDateString() + ' – ' + new Date(b.to).toLocaleDateString() +
      (b.loadTerm ? ' · weather and compute load' : ' · weather only (no compute load)') + set),
    el('ul', 'meters', ...meters));
}

function renderMonth(a) {
  const box = $('savings-month-body');
  $('savings-month-title').textContent = state.savingsMonth === thisMonth() ? 'This month' : 'Month ' + state.savingsMonth;
  if (!a.ok) {
    box.replaceChildren(el('p', 'error', problem(a.body, 'report', a.status)));
    renderSavingsChart([]);
    return;
  }
  const r = a.body;
  const e = r.energy || {};
  const env = r.envelope || {};
  const sp = r.setpoints || {};
  const alerts = (r.alerts || []).length;
  const parts = [
    el('p', null, 'cooling ' + kwh(e.coolingKwh) + ' · IT ' + kwh(e.itKwh) + ' · ' +
      e.completeHours + ' of ' + e.hours + ' h complete'),
  ];
  if (r.savingsNote) parts.push(el('p', 'note', r.savingsNote));
  if (r.savings && r.savings.meters) parts.push(el('ul', 'meters', ...r.savings.meters.map(meterLine)));
  parts.push(el('p', null,
    'inlet above ' + env.highC + ' °C ' + minutes(env.minutesAbove || 0) +
    ' · below ' + env.lowC + ' °C ' + minutes(env.minutesBelow || 0) +
    ' · dew point above ' + env.dewPointC + ' °C ' + minutes(env.minutesDewPointAbove || 0) +
    (env.hottestC != null ? ' · hottest ' + fmt(env.hottestC, '°C') : '')));
  parts.push(el('p', null, (sp.changes || 0) + ' setpoint changes from ' + (sp.decisions || 0) +
    ' decisions (' + (sp.commanded || 0) + ' sent' + (sp.pilotFixed ? ', ' + sp.pilotFixed + ' for the pilot' : '') +
    ') · ' + alerts + ' meter alert' + (alerts === 1 ? '' : 's')));
  box.replaceChildren(...parts);
  renderSavingsChart(r.days || []);
}

function renderSavingsChart(days) {
  const chart = window.setpointDashboard.charts.savings;
  if (!chart) return;
  chart.data.labels = days.map((d) => d.date);
  chart.data.datasets[0].data = days.map((d) => (d.savingsKwh == null ? null : d.savingsKwh));
  chart.data.datasets[0].backgroundColor = days.map((d) => (d.savingsKwh < 0 ? '#c62828' : '#2e7d32'));
  chart.update();
}

function renderPilot(a) {
  const box = $('savings-pilot-body');
  if (a.status === 409) {
    box.replaceChildren(el('p', 'note', problem(a.body, 'pilot', a.status)));
    return;
  }
  if (!a.ok) {
    box.replaceChildren(el('p', 'error', problem(a.body, 'pilot', a.status)));
    return;
  }
  const p = a.body;
  const start = Date.parse(p.start + 'T00:00:00Z');
  const letters = [...(p.schedule || '')].map((arm, i) => {
    const span = el('span', arm + (i < p.daysEnded ? ' ended' : ''), arm);
    span.title = new Date(start + i * 86400e3).toISOString().slice(0, 10) + ': ' +
      (arm === 'F' ? 'fixed setpoint' : 'controller') + (i < p.daysEnded ? ', ended' : '');
    return span;
  });
  const parts = [
    el('p', null, el('strong', null, p.status), ' · ' + p.daysEnded + ' of ' + p.days + ' days ended · fixed setpoint ' +
      fmt(p.fixedSetpointC, '°C') + ' · periods of ' + p.periodDays + ' d'),
    el('p', 'schedule', ...letters),
    el('p', 'note', 'F: the fixed setpoint, C: the controller; faded: not ended yet'),
  ];
  if ((p.estimate || []).length) parts.push(el('ul', 'meters', ...p.estimate.map(meterLine)));
  if (p.pairedFraction != null) {
    parts.push(el('p', null, 'paired check over ' + p.pairs + ' block' + (p.pairs === 1 ? '' : 's') +
      ': the controller used ' + percent(Math.abs(p.pairedFraction)) +
      (p.pairedFraction >= 0 ? ' less' : ' more') + ' cooling energy than the fixed periods'));
  }
  box.replaceChildren(...parts);
}

function renderSavingsRooms(rooms) {
  const select = $('savings-room');
  if (!state.savingsRoom || !rooms.includes(state.savingsRoom)) {
    state.savingsRoom = rooms.includes(state.energyRoom) ? state.energyRoom : rooms.length ? rooms[0] : null;
  }
  const current = [...select.options].map((o) => o.value).join('\n');
  if (current !== rooms.join('\n')) select.replaceChildren(...rooms.map((r) => new Option(r, r)));
  select.value = state.savingsRoom || '';
}

function roomUrl(room) {
  return API + '/rooms/' + encodeURIComponent(room);
}

function reportUrl(room, month, format) {
  return roomUrl(room) + '/reports/' + encodeURIComponent(month) + '?format=' + format;
}

async function refreshSavings(force) {
  const room = state.savingsRoom;
  const month = state.savingsMonth;
  if (!state.savingsOpen || (!force && Date.now() - state.savingsAt < SAVINGS_EVERY_MS)) return;
  if (!room) {
    $('savings-status').textContent = 'no room yet';
    return;
  }
  state.savingsAt = Date.now();
  $('savings-status').textContent = 'reading…';
  try {
    const [baseline, report, pilot] = await Promise.all([
      answer(roomUrl(room) + '/baseline'),
      answer(reportUrl(room, month, 'json')),
      answer(roomUrl(room) + '/pilot'),
    ]);
    if (room !== state.savingsRoom || month !== state.savingsMonth) return; // changed meanwhile
    renderBaseline(baseline);
    renderMonth(report);
    renderPilot(pilot);
    window.setpointDashboard.savings = { room, month, baseline: baseline.body, report: report.body, pilot: pilot.body };
    $('savings-message').textContent = '';
    $('savings-status').textContent = 'as of ' + new Date().toLocaleTimeString();
  } catch (e) {
    $('savings-status').textContent = '';
    if (e instanceof Unauthorized) throw e;
    $('savings-message').textContent = e.message;
  }
}

// The month's report as a file: the API wants the token, so it is fetched and saved from a blob.
async function report(format) {
  const url = reportUrl(state.savingsRoom, state.savingsMonth, format);
  const response = await api(url, { headers: { Accept: REPORT_TYPES[format] + ', */*;q=0.1' } });
  if (!response.ok) throw new Error(problem(await response.json().catch(() => null), 'report', response.status));
  return response.blob();
}
window.setpointDashboard.report = report;

async function downloadReport(format) {
  if (!state.savingsRoom) return;
  try {
    const blob = await report(format);
    saveBlob(blob, 'savings-' + state.savingsRoom.replace(/[^A-Za-z0-9._-]/g, '_') + '-' + state.savingsMonth + '.' + format);
    $('savings-message').textContent = '';
  } catch (e) {
    if (e instanceof Unauthorized) showLogin(e.message); else $('savings-message').textContent = e.message;
  }
}

function makeSavingsChart(canvas) {
  return new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [{ label: 'cooling savings', data: [], backgroundColor: [] }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { ticks: { maxTicksLimit: 16, callback(v) { return String(this.getLabelForValue(v)).slice(8); } } },
        y: { title: { display: true, text: 'kWh saved' } } },
      plugins: { legend: { display: false } },
    },
  });
}

function showSavings(open) {
  state.savingsOpen = open;
  $('savings').hidden = !open;
  $('savings-button').classList.toggle('selected', open);
  $('savings-button').setAttribute('aria-pressed', String(open));
  if (!open) return;
  const charts = window.setpointDashboard.charts;
  if (!charts.savings) charts.savings = makeSavingsChart($('savings-chart'));
  $('savings').scrollIntoView({ block: 'start' });
  savingsNow();
}

function savingsFailed(err) {
  if (err instanceof Unauthorized) showLogin(err.message); else $('savings-message').textContent = err.message;
}

// Reads the view now (it opened, or its room or month changed).
function savingsNow() {
  refreshSavings(true).catch(savingsFailed);
}

// Reads the view if it is open and its answer is old, without holding up the other refreshes.
function savingsLater() {
  refreshSavings(false).catch(savingsFailed);
}

// ---- Alerts (README "Alerts"): the header's badge counts the open ones (raised and acknowledged)
// every 15 s while the dashboard is open; the view lists the stored alerts, filtered and paged,
// newest first, acknowledges a raised one with the operator's comment, and shows the thresholds in
// force for a site and room beside the defaults, where a scope's overrides are set.
const ALERTS_EVERY_MS = 15000;
const ALERTS_PAGE = 20;
const ALERT_KINDS = {
  inlet_high: 'inlet too warm', inlet_rate: 'inlet changing fast', humidity: 'humidity out of range',
  dew_point: 'dew point out of range', device_offline: 'device offline', controller_fallback: 'controller in fallback',
  meter_anomaly: 'meter anomaly', edge_backlog: 'edge backlog', edge_silent: 'edge hub silent',
  edge_buffer_full: 'edge buffer volume full',
  consumer_lag: 'consumer lag', model_failed: 'model failed',
};
// The unit of an alert's value and threshold, by kind (the others carry neither).
const ALERT_UNITS = { inlet_high: ' °C', inlet_rate: ' °C/h', humidity: ' %', dew_point: ' °C', device_offline: ' s', consumer_lag: ' records' };
// The thresholds in words, with their units; one the API adds later shows by its name.
const RULES = {
  inletWarningC: ['hottest inlet: warning above', '°C'],
  inletCriticalC: ['hottest inlet: critical above', '°C'],
  inletHysteresisC: ['hottest inlet: hysteresis', 'K'],
  inletRateCPerHour: ['inlet change: warning above', '°C/h'],
  rateHysteresisCPerHour: ['inlet change: hysteresis', '°C/h'],
  humidityHighWarningPct: ['humidity: warning above', '% RH'],
  humidityHighCriticalPct: ['humidity: critical above', '% RH'],
  humidityLowCriticalPct: ['humidity: critical below', '% RH'],
  humidityHysteresisPct: ['humidity: hysteresis', '% RH'],
  dewPointHighWarningC: ['dew point: warning above', '°C'],
  dewPointHighCriticalC: ['dew point: critical above', '°C'],
  dewPointLowWarningC: ['dew point: warning below', '°C'],
  dewPointHysteresisC: ['dew point: hysteresis', 'K'],
  offlineIntervals: ['device offline after', 'reporting intervals'],
  renotifyMinutes: ['unacknowledged alert told again every', 'min'],
  backlogMinutes: ['edge backlog: warning when its oldest event is older than', 'min'],
  edgeSilentMinutes: ['edge hub silent: critical after', 'min'],
  consumerLagRecords: ['analytics consumer lag: warning above', 'records'],
};

function alertsUrl(query) {
  return API + '/alerts?' + new URLSearchParams(query);
}

// Two one-alert pages: their totals are the raised and the acknowledged alerts.
async function refreshAlertCount() {
  try {
    const [raised, acknowledged] = await Promise.all([
      json(alertsUrl({ state: 'raised', size: 1 })),
      json(alertsUrl({ state: 'acknowledged', size: 1 })),
    ]);
    renderAlertCount(raised.total, acknowledged.total, null);
  } catch (e) {
    if (e instanceof Unauthorized) { showLogin(e.message); return; }
    renderAlertCount(0, 0, e.message);
  }
}

function renderAlertCount(raised, acknowledged, error) {
  const badge = $('alerts-badge');
  const open = raised + acknowledged;
  state.alertCount = error ? null : open;
  window.setpointDashboard.alertCount = state.alertCount;
  if (error) {
    badge.hidden = false;
    badge.textContent = '?';
    badge.className = 'badge unknown';
    badge.title = 'the open alerts cannot be counted: ' + error;
  } else {
    badge.hidden = open === 0;
    badge.textContent = String(open);
    // red while any waits for an operator, grey when all open ones are acknowledged
    badge.className = 'badge ' + (raised > 0 ? 'raised' : 'acknowledged');
    badge.title = raised + ' raised, ' + acknowledged + ' acknowledged';
  }
  $('alerts-button').setAttribute('aria-label', error ? 'Alerts (open ones not known)'
    : 'Alerts: ' + open + ' open (' + badge.title + ')');
}

// The badge, and the list when its view is open and no acknowledgement is being written.
function alertsTick() {
  refreshAlertCount();
  if (state.alertsOpen && !state.ackOpen) alertsNow();
}

function alertsFailed(err) {
  if (err instanceof Unauthorized) showLogin(err.message); else $('alerts-message').textContent = err.message;
}

function alertsNow() {
  refreshAlerts().catch(alertsFailed);
}

async function refreshAlerts() {
  const query = { page: state.alertsPage, size: ALERTS_PAGE };
  for (const [name, value] of Object.entries(state.alertsFilter)) if (value) query[name] = value;
  const seq = ++state.alertsSeq;
  $('alerts-status').textContent = 'reading…';
  try {
    const body = await json(alertsUrl(query));
    if (seq !== state.alertsSeq) return; // a newer read is under way
    if (!body.alerts.length && body.total > 0 && state.alertsPage > 0) {
      // fewer alerts than before (other filters, or cleared meanwhile): the last page there is
      state.alertsPage = Math.ceil(body.total / ALERTS_PAGE) - 1;
      await refreshAlerts();
      return;
    }
    window.setpointDashboard.alerts = Object.assign({ query }, body);
    renderAlerts(body);
    $('alerts-message').textContent = '';
    $('alerts-status').textContent = 'as of ' + new Date().toLocaleTimeString();
  } catch (e) {
    if (seq !== state.alertsSeq) return; // a newer read answers instead
    $('alerts-status').textContent = '';
    throw e;
  }
}

function when(iso) {
  const ms = Date.parse(iso);
  return new Date(ms).toLocaleString() + ' (' + ago(ms) + ')';
}

function number(v) {
  return String(Math.round(v * 100) / 100);
}

// Where an alert is: its subject, and its room, site and device when they say more.
function alertWhere(a) {
  const parts = [a.subject];
  if (a.room && a.room !== a.subject) parts.push('room ' + a.room);
  if (a.site) parts.push('site ' + a.site);
  if (a.device && a.device !== a.subject) parts.push('device ' + a.device);
  return parts.join(' · ');
}

function alertRow(a) {
  const tr = el('tr', 'alert ' + a.severity + ' ' + a.state);
  tr.dataset.alert = a.id;
  const figures = [];
  const unit = ALERT_UNITS[a.kind] || '';
  if (a.value != null) figures.push('value ' + number(a.value) + unit);
  if (a.threshold != null) figures.push('threshold ' + number(a.threshold) + unit);
  const times = [el('span', null, 'raised ' + when(a.raisedAt))];
  if (a.updatedAt && a.updatedAt !== a.raisedAt) times.push(el('br'), el('span', 'note', 'changed ' + when(a.updatedAt)));
  if (a.clearedAt) times.push(el('br'), el('span', null, 'cleared ' + when(a.clearedAt)));
  if (a.notifications) {
    times.push(el('br'), el('span', 'note', 'told ' + a.notifications + ' time' + (a.notifications === 1 ? '' : 's') +
      (a.notifiedAt ? ', last ' + ago(Date.parse(a.notifiedAt)) : '')));
  }
  const acked = a.acknowledgedBy
    ? el('td', 'acknowledged', el('strong', null, a.acknowledgedBy), ' ' + (a.acknowledgedAt ? when(a.acknowledgedAt) : ''),
      a.comment ? el('br') : null, a.comment ? el('q', 'comment', a.comment) : null)
    : el('td', 'acknowledged', '–');
  const action = el('td', 'action');
  if (a.state === 'raised' && can('operator')) {
    const button = el('button', 'ack', 'Acknowledge');
    button.type = 'button';
    button.addEventListener('click', () => openAck(a, tr, button));
    action.append(button);
  }
  const kind = el('strong', null, ALERT_KINDS[a.kind] || a.kind);
  kind.title = a.kind;
  tr.append(
    el('td', 'severity', el('span', 'severity ' + a.severity, a.severity)),
    el('td', 'state', a.state),
    el('td', null, kind, el('br'), el('span', 'note', alertWhere(a))),
    el('td', 'message', a.message || '–', figures.length ? el('br') : null,
      figures.length ? el('span', 'note', figures.join(' · ')) : null),
    el('td', 'times', ...times),
    acked,
    action);
  return tr;
}

function renderAlerts(body) {
  state.ackOpen = null;
  const rows = body.alerts.map(alertRow);
  if (!rows.length) {
    const filtered = Object.values(state.alertsFilter).some((v) => v);
    const td = el('td', 'empty', filtered ? 'No alerts match these filters.' : 'No alerts.');
    td.colSpan = 7;
    rows.push(el('tr', 'empty', td));
  }
  $('alert-list').tBodies[0].replaceChildren(...rows);
  const first = body.page * body.size;
  $('alerts-range').textContent = body.alerts.length
    ? (first + 1) + '–' + (first + body.alerts.length) + ' of ' + body.total
    : '0 of ' + body.total;
  $('alerts-prev').disabled = body.page === 0;
  $('alerts-next').disabled = first + body.alerts.length >= body.total;
}

// The inline form under a raised alert: a comment, then POST …/ack; the API's refusal (409 once
// the alert has cleared) is shown in the form.
function openAck(a, row, button) {
  const open = $('alert-list').querySelector('tr.ack-form');
  if (open) {
    open.remove();
    $('alert-list').querySelectorAll('button.ack').forEach((b) => { b.disabled = false; });
  }
  state.ackOpen = a.id;
  button.disabled = true;
  const input = el('input');
  input.name = 'comment';
  input.maxLength = 1000;
  input.size = 60;
  input.placeholder = 'what is being done about it';
  input.setAttribute('aria-label', 'comment');
  const submit = el('button', null, 'Acknowledge');
  submit.type = 'submit';
  const cancel = el('button', null, 'Cancel');
  cancel.type = 'button';
  const error = el('span', 'error', '');
  error.setAttribute('role', 'alert');
  const form = el('form', 'ack', el('label', null, 'Comment ', input), ' ', submit, ' ', cancel, ' ', error);
  const td = el('td', null, form);
  td.colSpan = 7;
  const formRow = el('tr', 'ack-form', td);
  formRow.dataset.alert = a.id;
  row.after(formRow);
  input.focus();
  const close = () => {
    formRow.remove();
    button.disabled = false;
    state.ackOpen = null;
  };
  cancel.addEventListener('click', close);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const comment = input.value.trim();
    if (!comment) {
      error.textContent = 'say what is being done: a comment is required';
      return;
    }
    error.textContent = '';
    submit.disabled = true;
    try {
      const response = await api(API + '/alerts/' + encodeURIComponent(a.id) + '/ack', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ comment }),
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        error.textContent = problem(body, 'acknowledge', response.status);
        submit.disabled = false;
        return;
      }
      close();
      row.replaceWith(alertRow(body));
      $('alerts-result').textContent = 'Acknowledged by ' + body.acknowledgedBy + ': ' +
        (ALERT_KINDS[body.kind] || body.kind) + ', ' + body.subject + ' — “' + body.comment + '”';
      refreshAlertCount();
      alertsNow();
    } catch (e) {
      submit.disabled = false;
      if (e instanceof Unauthorized) showLogin(e.message); else error.textContent = e.message;
    }
  });
}

// A select's options as wanted, with the current choice kept even if no longer listed.
function fillSelect(select, first, values, current) {
  const wanted = values.includes(current) || !current ? values : [current, ...values];
  const now = [...select.options].map((o) => o.value).join('\n');
  if (now !== ['', ...wanted].join('\n')) select.replaceChildren(new Option(first, ''), ...wanted.map((v) => new Option(v, v)));
  select.value = current || '';
}

function renderAlertRooms(rooms) {
  fillSelect($('alert-room'), 'all rooms', rooms, state.alertsFilter.room);
  fillSelect($('rules-room'), 'any room', rooms, state.rulesRoom);
}

function renderRulesSites(sites) {
  fillSelect($('rules-site'), 'any site', sites, state.rulesSite);
}

function rulesNow() {
  refreshRules().catch((err) => {
    if (err instanceof Unauthorized) showLogin(err.message); else $('rules-message').textContent = err.message;
  });
}

async function refreshRules() {
  const query = new URLSearchParams();
  if (state.rulesSite) query.set('site', state.rulesSite);
  if (state.rulesRoom) query.set('room', state.rulesRoom);
  const seq = ++state.rulesSeq;
  $('rules-status').textContent = 'reading…';
  try {
    const body = await json(API + '/alerts/rules?' + query);
    if (seq !== state.rulesSeq) return;
    window.setpointDashboard.rules = body;
    renderRules(body);
    $('rules-message').textContent = '';
    $('rules-status').textContent = 'as of ' + new Date().toLocaleTimeString();
  } catch (e) {
    if (seq !== state.rulesSeq) return; // a newer read answers instead
    $('rules-status').textContent = '';
    throw e;
  }
}

function scopeOverrides(body, scope) {
  const o = (body.overrides || {})[scope];
  return (o && o.overrides) || {};
}

// The scope a threshold in force comes from: the most specific one overriding it with that value.
function ruleSource(body, name) {
  const value = body.effective[name];
  const scopes = [];
  if (state.rulesRoom) scopes.push('room:' + state.rulesRoom);
  if (state.rulesSite) scopes.push('site:' + state.rulesSite);
  scopes.push('default');
  for (const scope of scopes) {
    if (scopeOverrides(body, scope)[name] === value) return scope;
  }
  return value === body.defaults[name] ? 'the defaults' : '?';
}

function renderRules(body) {
  const chosen = ['default'];
  if (state.rulesSite) chosen.push('site:' + state.rulesSite);
  if (state.rulesRoom) chosen.push('room:' + state.rulesRoom);
  const scopes = [...new Set([...chosen, ...Object.keys(body.overrides || {}).sort()])];
  if (!scopes.includes(state.rulesScope)) state.rulesScope = chosen[chosen.length - 1];
  $('rules-scope').replaceChildren(...scopes.map((s) => new Option(s, s)));
  $('rules-scope').value = state.rulesScope;
  $('rules-scope-error').textContent = '';
  const base = scopeOverrides(body, state.rulesScope);
  const names = [...new Set([...Object.keys(body.defaults), ...Object.keys(body.effective)])];
  const rows = names.map((name) => {
    const [words, unit] = RULES[name] || [name, ''];
    const label = el('td', 'rule', words + (unit ? ' (' + unit + ')' : ''), el('br'), el('code', null, name));
    const effective = body.effective[name];
    const input = el('input');
    input.type = 'number';
    input.step = 'any';
    input.dataset.rule = name;
    input.setAttribute('aria-label', name + ' of ' + state.rulesScope);
    input.value = base[name] === undefined ? '' : String(base[name]);
    input.placeholder = 'inherits';
    // Only an admin sets overrides: the others see the thresholds in force without the inputs.
    const row = el('tr', null,
      label,
      el('td', 'effective' + (effective !== body.defaults[name] ? ' changed' : ''), effective == null ? '–' : String(effective)),
      el('td', 'default', body.defaults[name] == null ? '–' : String(body.defaults[name])),
      el('td', 'from', ruleSource(body, name)),
      can('admin') ? el('td', 'override', input, ' ', el('span', 'error field-error', '')) : null);
    row.dataset.rule = name;
    const edited = () => {
      row.classList.remove('invalid');
      input.removeAttribute('aria-invalid');
      row.querySelector('.field-error').textContent = '';
      rulesChanged();
    };
    input.addEventListener('input', edited);
    input.addEventListener('change', edited);
    return row;
  });
  $('rules-table').tBodies[0].replaceChildren(...rows);
  const o = (body.overrides || {})[state.rulesScope];
  $('rules-changed').textContent = o && Object.keys(o.overrides || {}).length
    ? state.rulesScope + ' overrides ' + Object.keys(o.overrides).length + ' threshold' +
      (Object.keys(o.overrides).length === 1 ? '' : 's') +
      (o.changedBy ? ', set by ' + o.changedBy : '') + (o.changedAt ? ' ' + ago(Date.parse(o.changedAt)) : '')
    : state.rulesScope + ' overrides nothing';
  rulesChanged();
}

// The operator's edits of the scope's overrides: { body (the scope's overrides as they would be),
// changed (names edited), bad (names that are not numbers) }.
function rulesEdits() {
  const base = scopeOverrides(window.setpointDashboard.rules || { overrides: {} }, state.rulesScope);
  const body = {};
  const changed = [];
  const bad = [];
  $('rules-table').querySelectorAll('input[data-rule]').forEach((input) => {
    const name = input.dataset.rule;
    const text = input.value.trim();
    if (input.validity.badInput || (text !== '' && !Number.isFinite(Number(text)))) {
      bad.push(name);
      return;
    }
    const value = text === '' ? undefined : Number(text);
    if (value !== undefined) body[name] = value;
    if (value !== base[name]) changed.push(name);
  });
  return { body, changed, bad };
}

function rulesChanged() {
  const { changed } = rulesEdits();
  $('rules-table').querySelectorAll('tr[data-rule]').forEach((row) => row.classList.toggle('dirty', changed.includes(row.dataset.rule)));
  $('rules-save').textContent = changed.length
    ? 'Save ' + changed.length + ' change' + (changed.length === 1 ? '' : 's') + ' to ' + state.rulesScope
    : 'Save overrides of ' + state.rulesScope;
}

function ruleError(name, text) {
  const row = $('rules-table').querySelector('tr[data-rule="' + CSS.escape(name) + '"]');
  if (!row) return false;
  row.classList.add('invalid');
  row.querySelector('input').setAttribute('aria-invalid', 'true');
  row.querySelector('.field-error').textContent = text;
  return true;
}

function clearRuleErrors() {
  $('rules-table').querySelectorAll('tr.invalid').forEach((row) => {
    row.classList.remove('invalid');
    row.querySelector('input').removeAttribute('aria-invalid');
    row.querySelector('.field-error').textContent = '';
  });
  $('rules-scope-error').textContent = '';
}

// A 400's words beside the field at fault: the parameter it names, or else the thresholds its
// message names (a rule such as "inletWarningC < inletCriticalC" names two); elsewhere below.
function showRulesProblem(body, status) {
  const message = problem(body, 'rules', status);
  const parameter = body && body.parameter;
  const words = parameter && message.startsWith(parameter + ': ') ? message.slice(parameter.length + 2) : message;
  let placed = false;
  if (parameter === 'scope') {
    $('rules-scope-error').textContent = words;
    placed = true;
  } else if (parameter && ruleError(parameter, words)) {
    placed = true;
  } else if (status === 400) {
    const named = [...$('rules-table').querySelectorAll('tr[data-rule]')].map((r) => r.dataset.rule)
      .filter((name) => new RegExp('\\b' + name + '\\b').test(message));
    named.forEach((name) => ruleError(name, words));
    placed = named.length > 0;
  }
  const result = $('rules-result');
  result.className = 'error';
  result.textContent = placed ? 'not saved: see the field marked' : 'not saved: ' + message;
  const first = $('rules-table').querySelector('tr.invalid input');
  if (first) first.focus();
}

async function saveRules(event) {
  event.preventDefault();
  clearRuleErrors();
  const result = $('rules-result');
  result.className = '';
  const scope = state.rulesScope;
  const { body, changed, bad } = rulesEdits();
  if (bad.length) {
    bad.forEach((name) => ruleError(name, 'not a number'));
    result.className = 'error';
    result.textContent = 'not saved: see the field marked';
    return;
  }
  if (!changed.length) {
    result.textContent = 'nothing changed';
    return;
  }
  // The API replaces the scope's overrides: those left as they were go along with the changes.
  result.textContent = 'saving…';
  $('rules-save').disabled = true;
  try {
    const response = await api(API + '/alerts/rules/' + encodeURIComponent(scope), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => null);
    if (!response.ok) {
      showRulesProblem(answer, response.status);
      return;
    }
    const n = Object.keys((answer && answer.overrides) || {}).length;
    result.textContent = 'saved: ' + scope + ' now overrides ' + n + ' threshold' + (n === 1 ? '' : 's');
    await refreshRules();
  } catch (e) {
    if (e instanceof Unauthorized) { showLogin(e.message); return; }
    result.className = 'error';
    result.textContent = e.message;
  } finally {
    $('rules-save').disabled = false;
  }
}

function showAlerts(open) {
  state.alertsOpen = open;
  $('alerts').hidden = !open;
  $('alerts-button').classList.toggle('selected', open);
  $('alerts-button').setAttribute('aria-pressed', String(open));
  if (!open) return;
  $('alerts').scrollIntoView({ block: 'start' });
  alertsNow();
  rulesNow();
}

function alertsFilter(name, value) {
  state.alertsFilter[name] = value;
  state.alertsPage = 0;
  $('alerts-result').textContent = '';
  alertsNow();
}

// A datalist's options: what a text field suggests (known sites, rooms).
function fillList(list, values) {
  list.replaceChildren(...values.map((v) => new Option(v, v)));
}

// Saves a blob as a file through a temporary link (the APIs want the token, so a plain link
// cannot fetch them).
function saveBlob(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

// A modal question with Yes and Cancel; resolves to whether the user said yes.
function confirmDialog(text, yes) {
  const dialog = $('confirm-dialog');
  $('confirm-text').textContent = text;
  $('confirm-yes').textContent = yes;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    dialog.showModal();
    $('confirm-no').focus();
  });
}

// A JSON request with a body (POST, PUT, PATCH) and its answer: { ok, status, body }.
async function send(method, url, payload) {
  const response = await api(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const body = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body };
}

// The one element of a batch answer (EdgeX answers a batch with 207 and one element per
// request, each with its own statusCode), or the refusal of the whole request.
function batchItem(a) {
  if (a.status === 207 && Array.isArray(a.body) && a.body.length) {
    const item = a.body[0];
    return { ok: item.statusCode < 300, status: item.statusCode, body: item };
  }
  return a;
}

// ---- Devices (README "Devices"): ingest's Core Metadata list with analytics' last seen. An
// operator registers a device of a shipped profile, locks and unlocks it, and issues (rotates) or
// revokes its bearer token, which is shown once in a dialog; a device's detail shows its last
// readings (Core Data), its commands' current values (Core Command) and its alerts.
const EDGEX_NAME = /^[A-Za-z0-9._~-]{1,128}$/;

function edgex(path) {
  return state.config.edgexUrl + path;
}

function deviceUrl(name) {
  return edgex('/device/name/' + encodeURIComponent(name));
}

function labelOf(device, prefix) {
  const label = (device.labels || []).find((l) => l.startsWith(prefix) && l.length > prefix.length);
  return label ? label.slice(prefix.length) : null;
}

function showDevices(open) {
  state.devicesOpen = open;
  $('devices').hidden = !open;
  $('devices-button').classList.toggle('selected', open);
  $('devices-button').setAttribute('aria-pressed', String(open));
  if (!open) return;
  $('devices').scrollIntoView({ block: 'start' });
  devicesNow(true);
}

function devicesFailed(err) {
  if (err instanceof Unauthorized) showLogin(err.message); else $('devices-message').textContent = err.message;
}

// Reads the list (and, once per opening for an operator, the profiles and services the register
// form offers), and the open device's detail.
function devicesNow(opening) {
  refreshFleet(opening).catch(devicesFailed);
}

async function refreshFleet(opening) {
  const seq = ++state.fleetSeq;
  $('devices-status').textContent = 'reading…';
  const wantChoices = can('operator') && (opening || !state.profiles);
  const [devices, profiles, services] = await Promise.all([
    answer(edgex('/device/all?limit=-1')),
    wantChoices ? answer(edgex('/deviceprofile/all?limit=-1')) : null,
    wantChoices ? answer(edgex('/deviceservice/all?limit=-1')) : null,
  ]);
  if (seq !== state.fleetSeq) return; // a newer read answers instead
  const problems = [];
  if (devices.ok) {
    state.fleet = devices.body.devices || [];
    state.fleetNote = '';
  } else if (devices.status === 403) {
    // The registry is not this role's to read: the devices that reported, as analytics knows them.
    state.fleet = null;
    state.fleetNote = 'The device registry is not open to your role (' + state.role + '): listed are the devices that reported in the last 30 days.';
  } else {
    problems.push(problem(devices.body, 'devices', devices.status));
  }
  if (profiles) {
    if (profiles.ok) state.profiles = profiles.body.profiles || [];
    else problems.push('profiles: ' + problem(profiles.body, 'profiles', profiles.status));
  }
  if (services) {
    if (services.ok) state.services = services.body.services || [];
    else problems.push('services: ' + problem(services.body, 'services', services.status));
  }
  if (wantChoices) renderRegisterChoices();
  renderFleet();
  $('devices-message').textContent = problems.join(' · ');
  $('devices-status').textContent = 'as of ' + new Date().toLocaleTimeString();
  if (state.detail) await refreshDetail();
}

// The profiles and services to register a device with; the shipped room sensor and the device
// agent's service first chosen.
function renderRegisterChoices() {
  const profile = $('register-profile');
  const service = $('register-service');
  const keepProfile = profile.value || 'room-sensor';
  const keepService = service.value || 'setpoint-device-agent';
  profile.replaceChildren(...(state.profiles || []).map((p) => new Option(p.name, p.name)));
  service.replaceChildren(...(state.services || []).map((v) => new Option(v.name, v.name)));
  if ((state.profiles || []).some((p) => p.name === keepProfile)) profile.value = keepProfile;
  if ((state.services || []).some((v) => v.name === keepService)) service.value = keepService;
  describeProfile();
}

function describeProfile() {
  const p = (state.profiles || []).find((x) => x.name === $('register-profile').value);
  if (!p) {
    $('register-profile-note').textContent = '';
    return;
  }
  const resources = (p.deviceResources || []).filter((r) => !r.isHidden).map((r) =>
    r.name + (r.properties && r.properties.units ? ' (' + r.properties.units + ')' : '') +
    (r.properties && /W/.test(r.properties.readWrite || '') ? ', settable' : ''));
  $('register-profile-note').textContent = (p.description ? p.description + ' · ' : '') + resources.join(', ');
}

// The rows: the registry's devices with their last reading as analytics saw it, then the devices
// analytics heard from that this registry does not hold (another hub's, or deleted); for a role
// that may not read the registry, analytics' devices alone.
function fleetRows() {
  const seen = new Map(state.devices.map((d) => [d.device, d]));
  const heard = state.devices.map((d) => ({ name: d.device, site: d.site, lastSeen: d.lastSeen }));
  if (!state.fleet) return heard;
  const registered = state.fleet.map((d) => ({
    name: d.name, profile: d.profileName, service: d.serviceName,
    site: labelOf(d, 'site:') || 'default', room: labelOf(d, 'room:'),
    adminState: d.adminState, operatingState: d.operatingState,
    lastSeen: seen.has(d.name) ? seen.get(d.name).lastSeen : null, device: d,
  })).sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set(registered.map((r) => r.name));
  return [...registered, ...heard.filter((r) => !names.has(r.name))];
}

function renderFleet() {
  const wanted = $('devices-filter').value.trim().toLowerCase();
  const all = fleetRows();
  const shown = all.filter((r) => !wanted ||
    [r.name, r.profile, r.site, r.room].some((v) => v && v.toLowerCase().includes(wanted)));
  window.setpointDashboard.fleet = shown;
  const rows = shown.map(fleetRow);
  if (!rows.length) {
    const td = el('td', 'empty', wanted ? 'No device matches.' : 'No devices registered yet.');
    td.colSpan = 7;
    rows.push(el('tr', 'empty', td));
  }
  $('fleet').tBodies[0].replaceChildren(...rows);
  $('devices-note').textContent = state.fleetNote;
  $('devices-count').textContent = all.length + ' device' + (all.length === 1 ? '' : 's') +
    (shown.length !== all.length ? ', ' + shown.length + ' shown' : '');
}

function fleetRow(r) {
  const tr = el('tr', r.name === state.detail ? 'selected' : null);
  tr.dataset.device = r.name;
  const open = el('button', 'open', r.name);
  open.type = 'button';
  open.title = 'readings, commands and alerts of ' + r.name;
  open.addEventListener('click', () => openDetail(r.name));
  const stateCell = r.adminState
    ? el('td', 'state', el('span', 'state ' + r.adminState, r.adminState === 'LOCKED' ? 'locked' : 'unlocked'),
      ' ', el('span', 'op', '(' + (r.operatingState || '?').toLowerCase() + ')'))
    : el('td', 'state', state.fleet ? el('span', 'note', 'not in this registry') : '–');
  const age = r.lastSeen ? (Date.now() - r.lastSeen) / 1000 : null;
  const seen = el('td', age === null ? 'never' : age < 60 ? 'fresh' : age < 600 ? 'late' : 'gone',
    r.lastSeen ? ago(r.lastSeen) : 'no readings in 30 days');
  tr.append(
    el('td', 'name', open),
    el('td', 'profile', r.profile || '–'),
    el('td', 'site', r.site || '–'),
    el('td', 'room', r.room || '–'),
    stateCell,
    seen);
  if (can('operator')) tr.append(deviceActions(r));
  return tr;
}

// An operator's buttons for a registered device: lock or unlock, a new token, revoke the token.
function deviceActions(r) {
  const td = el('td', 'actions');
  if (!r.device) return td;
  const locked = r.adminState === 'LOCKED';
  const lock = el('button', locked ? 'unlock' : 'lock', locked ? 'Unlock' : 'Lock');
  lock.type = 'button';
  lock.title = locked ? 'accept its events and commands again' : 'refuse its events and commands';
  lock.addEventListener('click', () => setLocked(r.name, !locked, lock));
  const issue = el('button', 'token', 'New token');
  issue.type = 'button';
  issue.title = 'issue a token (shown once); a token it had stops working';
  issue.addEventListener('click', () => issueToken(r.name, issue));
  const revoke = el('button', 'revoke', 'Revoke token');
  revoke.type = 'button';
  revoke.title = 'its token stops working; it cannot post until a new one is issued';
  revoke.addEventListener('click', () => revokeToken(r.name, revoke));
  td.append(lock, issue, revoke);
  return td;
}

// Runs one of a device's actions with its button held down, and says how it went (until the
// next action: the list's reads report their own troubles in the line above).
async function deviceAction(button, run) {
  const result = $('devices-result');
  result.className = 'note';
  result.textContent = '…';
  button.disabled = true;
  try {
    const outcome = await run();
    result.className = outcome.ok ? 'note' : 'error';
    result.textContent = outcome.ok ? outcome.done : outcome.message;
  } catch (e) {
    if (e instanceof Unauthorized) { showLogin(e.message); return; }
    result.className = 'error';
    result.textContent = e.message;
  } finally {
    button.disabled = false;
  }
  devicesNow(false);
}

function setLocked(name, locked, button) {
  deviceAction(button, async () => {
    const a = batchItem(await send('PATCH', edgex('/device'),
      [{ apiVersion: 'v3', device: { name, adminState: locked ? 'LOCKED' : 'UNLOCKED' } }]));
    return a.ok ? { ok: true, done: name + (locked ? ' locked: its events and commands are refused' : ' unlocked') }
      : { ok: false, message: name + ': ' + problem(a.body, 'lock', a.status) };
  });
}

async function issueToken(name, button) {
  if (!await confirmDialog('Issue a new token for ' + name + '? A token it has now stops working at once; ' +
    'the device needs the new one to post again.', 'Issue token')) return;
  deviceAction(button, async () => {
    const a = await send('POST', deviceUrl(name) + '/token');
    if (!a.ok) return { ok: false, message: name + ': ' + problem(a.body, 'token', a.status) };
    showToken(name, a.body.token);
    return { ok: true, done: 'new token issued for ' + name };
  });
}

async function revokeToken(name, button) {
  if (!await confirmDialog('Revoke the token of ' + name + '? The device cannot post until a new token is issued.',
    'Revoke token')) return;
  deviceAction(button, async () => {
    const response = await api(deviceUrl(name) + '/token', { method: 'DELETE' });
    const body = await response.json().catch(() => null);
    return response.ok ? { ok: true, done: 'token of ' + name + ' revoked' }
      : { ok: false, message: name + ': ' + problem(body, 'revoke', response.status) };
  });
}

// The token, once: in a dialog with a copy button and the line for the device agent's
// tokens.properties; closing the dialog removes it from the page.
function showToken(device, value) {
  const dialog = $('token-dialog');
  $('token-device').textContent = device;
  $('token-value').value = value;
  $('token-line').textContent = device + '=' + value;
  $('token-copied').textContent = '';
  dialog.addEventListener('close', () => {
    $('token-value').value = '';
    $('token-line').textContent = '';
  }, { once: true });
  dialog.showModal();
  $('token-value').select();
}

async function copyToken() {
  const value = $('token-value').value;
  try {
    // the clipboard API needs a secure context (https or localhost); else the selection is copied
    if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(value);
    else {
      $('token-value').select();
      if (!document.execCommand('copy')) throw new Error('the browser refused');
    }
    $('token-copied').textContent = 'copied';
  } catch (e) {
    $('token-value').select();
    $('token-copied').textContent = 'copy it by hand (selected): ' + e.message;
  }
}

const REGISTER_FIELDS = ['name', 'profile', 'service', 'labels'];

function registerError(field, text) {
  $('register-' + field + '-error').textContent = text;
  const input = { name: 'register-name', profile: 'register-profile', service: 'register-service', labels: 'register-room' }[field];
  $(input).setAttribute('aria-invalid', 'true');
}

function clearRegisterErrors() {
  for (const f of REGISTER_FIELDS) $('register-' + f + '-error').textContent = '';
  $('register-form').querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

// Ingest's refusal beside the field it names (its messages start with the field's path, such as
// "[0].device.name"), else below the form.
function registerRefused(status, message) {
  const field = status === 409 || /\.name\b/.test(message) ? 'name'
    : /profileName|profile '/.test(message) ? 'profile'
      : /serviceName|service '/.test(message) ? 'service'
        : /labels/.test(message) ? 'labels' : null;
  if (field) registerError(field, message);
  $('register-result').className = 'error';
  $('register-result').textContent = field ? 'not registered: see the field marked' : 'not registered: ' + message;
}

async function register(event) {
  event.preventDefault();
  clearRegisterErrors();
  const result = $('register-result');
  result.className = '';
  result.textContent = '';
  const name = $('register-name').value.trim();
  const site = $('register-site').value.trim();
  const room = $('register-room').value.trim();
  let bad = false;
  if (!EDGEX_NAME.test(name)) {
    registerError('name', name ? 'letters, digits and . _ ~ - only, at most 128' : 'a name is required');
    bad = true;
  }
  if (!$('register-profile').value) {
    registerError('profile', 'choose a profile');
    bad = true;
  }
  if (!$('register-service').value) {
    registerError('service', 'choose a service');
    bad = true;
  }
  if (room && !EDGEX_NAME.test(room)) {
    registerError('labels', 'a room name: letters, digits and . _ ~ - only');
    bad = true;
  }
  if (bad) {
    result.className = 'error';
    result.textContent = 'not registered: see the field marked';
    return;
  }
  const labels = [];
  if (site) labels.push('site:' + site);
  if (room) labels.push('room:' + room);
  const address = $('register-address').value.trim();
  const device = {
    name,
    adminState: 'UNLOCKED',
    operatingState: 'UP',
    serviceName: $('register-service').value,
    profileName: $('register-profile').value,
    labels,
    protocols: { http: address ? { host: address } : {} },
  };
  const description = $('register-description').value.trim();
  if (description) device.description = description;
  $('register-button').disabled = true;
  result.textContent = 'registering…';
  try {
    const a = batchItem(await send('POST', edgex('/device'), [{ apiVersion: 'v3', device }]));
    if (!a.ok) {
      registerRefused(a.status, problem(a.body, 'register', a.status));
      return;
    }
    result.textContent = 'registered ' + name + (a.body.token ? '' : ': ' + (a.body.message || 'no token issued'));
    // the next device is often the same kind in the same room: those fields stay
    for (const id of ['register-name', 'register-address', 'register-description']) $(id).value = '';
    if (a.body.token) showToken(name, a.body.token);
    devicesNow(false);
  } catch (e) {
    if (e instanceof Unauthorized) showLogin(e.message);
    else {
      result.className = 'error';
      result.textContent = 'not registered: ' + e.message;
    }
  } finally {
    $('register-button').disabled = false;
  }
}

function openDetail(name) {
  state.detail = name;
  $('device-detail').hidden = false;
  $('detail-name').textContent = name;
  for (const id of ['detail-readings', 'detail-commands', 'detail-alerts']) $(id).tBodies[0].replaceChildren();
  $('detail-meta').replaceChildren();
  $('fleet').querySelectorAll('tr[data-device]').forEach((tr) => tr.classList.toggle('selected', tr.dataset.device === name));
  refreshDetail().catch((e) => {
    if (e instanceof Unauthorized) showLogin(e.message); else $('detail-message').textContent = e.message;
  });
  $('device-detail').scrollIntoView({ block: 'nearest' });
}

function closeDetail() {
  state.detail = null;
  $('device-detail').hidden = true;
  $('fleet').querySelectorAll('tr.selected').forEach((tr) => tr.classList.remove('selected'));
}

// The commands Core Command reads for a profile: its visible readable device commands, and each
// visible readable resource no such command covers (EdgeX lets a resource be read by its name).
function commandsOf(profile) {
  const commands = (profile.deviceCommands || []).filter((c) => !c.isHidden && /R/.test(c.readWrite || 'R'));
  const covered = new Set(commands.flatMap((c) => (c.resourceOperations || []).map((o) => o.deviceResource)));
  const resources = (profile.deviceResources || [])
    .filter((r) => !r.isHidden && !covered.has(r.name) && /R/.test((r.properties || {}).readWrite || 'R'));
  return [...commands.map((c) => c.name), ...resources.map((r) => r.name)];
}

// Core's times are nanoseconds since the epoch.
function fromNanos(origin) {
  return Math.round(Number(origin) / 1e6);
}

function valueText(r) {
  return r.value + (r.units ? ' ' + r.units : '');
}

function noteRow(table, columns, text, className) {
  const td = el('td', className || 'empty', text);
  td.colSpan = columns;
  $(table).tBodies[0].replaceChildren(el('tr', 'empty', td));
}

async function profileOf(name) {
  const known = (state.profiles || []).find((p) => p.name === name);
  if (known) return { ok: true, body: { profile: known } };
  return answer(edgex('/deviceprofile/name/' + encodeURIComponent(name)));
}

async function refreshDetail() {
  const name = state.detail;
  if (!name) return;
  const seq = ++state.detailSeq;
  const device = (state.fleet || []).find((d) => d.name === name);
  // Its alerts: its own (offline, meter) and its room's (inlet, humidity), which name no device;
  // a device without a room label is a room of its own.
  const room = (device && labelOf(device, 'room:')) || name;
  const [readings, ownAlerts, roomAlerts, profile] = await Promise.all([
    answer(edgex('/reading/device/name/' + encodeURIComponent(name) + '?limit=20')),
    answer(alertsUrl({ device: name, size: 10 })),
    answer(alertsUrl({ room, size: 10 })),
    device ? profileOf(device.profileName) : null,
  ]);
  const alerts = mergeAlerts(ownAlerts, roomAlerts);
  const commands = profile && profile.ok ? commandsOf(profile.body.profile) : [];
  const values = await Promise.all(commands.map((c) =>
    answer(state.config.commandUrl + encodeURIComponent(name) + '/' + encodeURIComponent(c))));
  if (seq !== state.detailSeq || name !== state.detail) return;
  window.setpointDashboard.detail = { device: name, readings: readings.body, alerts: alerts.body, commands: values.map((v) => v.body) };
  $('detail-message').textContent = '';
  renderDetailMeta(device);
  renderDetailReadings(readings);
  renderDetailCommands(device, profile, commands, values);
  renderDetailAlerts(alerts);
}

// Two alert answers as one, each alert once, newest first; the first refusal if either failed.
function mergeAlerts(a, b) {
  if (!a.ok) return a;
  if (!b.ok) return b;
  const byId = new Map([...a.body.alerts, ...b.body.alerts].map((x) => [x.id, x]));
  const alerts = [...byId.values()].sort((x, y) => Date.parse(y.raisedAt) - Date.parse(x.raisedAt)).slice(0, 10);
  return { ok: true, status: 200, body: { alerts } };
}

function renderDetailMeta(device) {
  const rows = [];
  if (device) {
    rows.push(['profile', device.profileName], ['service', device.serviceName],
      ['state', (device.adminState === 'LOCKED' ? 'locked' : 'unlocked') + ', ' + (device.operatingState || '?').toLowerCase()],
      ['labels', (device.labels || []).join(', ') || '–']);
    if (device.description) rows.push(['description', device.description]);
    const protocols = Object.entries(device.protocols || {}).map(([p, props]) =>
      p + (Object.keys(props || {}).length ? ' ' + Object.entries(props).map(([k, v]) => k + '=' + v).join(' ') : ''));
    if (protocols.length) rows.push(['protocols', protocols.join('; ')]);
  } else {
    rows.push(['registry', state.fleet ? 'not in this registry: another hub\'s device, or deleted' : 'not open to your role']);
  }
  $('detail-meta').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', null, k), el('dd', null, v)]));
}

function renderDetailReadings(a) {
  if (!a.ok) {
    noteRow('detail-readings', 3, problem(a.body, 'readings', a.status), 'error');
    return;
  }
  const readings = a.body.readings || [];
  if (!readings.length) {
    noteRow('detail-readings', 3, 'none at the edge (forwarded readings are purged after a while; see the charts)');
    return;
  }
  $('detail-readings').tBodies[0].replaceChildren(...readings.map((r) => {
    const tr = el('tr', null, el('td', null, r.resourceName), el('td', 'value', valueText(r)),
      el('td', null, ago(fromNanos(r.origin))));
    tr.dataset.resource = r.resourceName;
    tr.title = new Date(fromNanos(r.origin)).toLocaleString();
    return tr;
  }));
}

function renderDetailCommands(device, profile, commands, values) {
  if (!device) {
    noteRow('detail-commands', 4, 'the device registry is not open to your role');
    return;
  }
  if (!profile.ok) {
    noteRow('detail-commands', 4, 'profile: ' + problem(profile.body, 'profile', profile.status), 'error');
    return;
  }
  if (!commands.length) {
    noteRow('detail-commands', 4, 'its profile has no readable command');
    return;
  }
  const rows = commands.flatMap((command, i) => {
    const a = values[i];
    if (!a.ok) {
      // 404: nothing commanded or reported yet; 423: locked
      const td = el('td', 'note', problem(a.body, command, a.status));
      td.colSpan = 3;
      const tr = el('tr', 'none', el('td', null, command), td);
      tr.dataset.command = command;
      return [tr];
    }
    const readings = (a.body.event && a.body.event.readings) || [];
    return readings.map((r, j) => {
      const tr = el('tr', null, el('td', null, j === 0 ? command : ''), el('td', null, r.resourceName),
        el('td', 'value', valueText(r)), el('td', null, ago(fromNanos(r.origin))));
      tr.dataset.command = command;
      tr.dataset.resource = r.resourceName;
      return tr;
    });
  });
  $('detail-commands').tBodies[0].replaceChildren(...rows);
}

function renderDetailAlerts(a) {
  if (!a.ok) {
    noteRow('detail-alerts', 4, problem(a.body, 'alerts', a.status), 'error');
    return;
  }
  const alerts = a.body.alerts || [];
  if (!alerts.length) {
    noteRow('detail-alerts', 4, 'none');
    return;
  }
  $('detail-alerts').tBodies[0].replaceChildren(...alerts.map((x) => {
    const kind = el('td', null, ALERT_KINDS[x.kind] || x.kind);
    kind.title = x.message || x.kind;
    const tr = el('tr', 'alert ' + x.severity + ' ' + x.state,
      el('td', null, x.severity), el('td', null, x.state), kind, el('td', null, ago(Date.parse(x.raisedAt))));
    tr.dataset.alert = x.id;
    return tr;
  }));
}

// ---- Audit trail (operators and admins): who changed what, when and from where, newest first,
// filtered and paged as the API does; the same query downloads as CSV.
const AUDIT_PAGE = 50;

function showAudit(open) {
  state.auditOpen = open && can('operator');
  $('audit').hidden = !state.auditOpen;
  $('audit-button').classList.toggle('selected', state.auditOpen);
  $('audit-button').setAttribute('aria-pressed', String(state.auditOpen));
  if (!state.auditOpen) return;
  $('audit').scrollIntoView({ block: 'start' });
  auditNow();
}

function auditFailed(err) {
  if (err instanceof Unauthorized) showLogin(err.message); else $('audit-message').textContent = err.message;
}

function auditNow() {
  refreshAudit().catch(auditFailed);
}

// The filters as the API takes them: times as ISO instants (the inputs are local times).
function auditQuery() {
  const f = state.auditFilter;
  const query = {};
  for (const name of ['from', 'to']) if (f[name]) query[name] = new Date(f[name]).toISOString();
  for (const name of ['user', 'device', 'kind']) if (f[name]) query[name] = f[name];
  return query;
}

function readAuditFilters() {
  state.auditFilter = {
    from: $('audit-from').value, to: $('audit-to').value,
    user: $('audit-user').value.trim(), device: $('audit-device').value.trim(), kind: $('audit-kind').value,
  };
  state.auditPage = 0;
}

async function refreshAudit() {
  const query = Object.assign(auditQuery(), { page: state.auditPage, size: AUDIT_PAGE });
  const seq = ++state.auditSeq;
  $('audit-status').textContent = 'reading…';
  try {
    const body = await json(API + '/audit?' + new URLSearchParams(query));
    if (seq !== state.auditSeq) return;
    if (!body.records.length && body.total > 0 && state.auditPage > 0) {
      state.auditPage = Math.ceil(body.total / AUDIT_PAGE) - 1;
      await refreshAudit();
      return;
    }
    window.setpointDashboard.audit = Object.assign({ query }, body);
    // Re-drawn only when the records changed, so an opened change stays open as the view polls.
    const shown = JSON.stringify([query, body.total, body.records.map((r) => r.id)]);
    if (shown !== state.auditShown) renderAudit(body);
    state.auditShown = shown;
    $('audit-message').textContent = '';
    $('audit-status').textContent = 'as of ' + new Date().toLocaleTimeString();
  } catch (e) {
    if (seq !== state.auditSeq) return;
    $('audit-status').textContent = '';
    throw e;
  }
}

// before or after as an object (the API sends JSON objects; text holding JSON is read too).
function auditState(value) {
  if (typeof value !== 'string') return value == null ? null : value;
  try {
    return JSON.parse(value);
  } catch (e) {
    return value;
  }
}

function brief(v) {
  if (v === undefined) return '(none)';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 80 ? text.slice(0, 77) + '…' : text;
}

// A change in words: each field that differs, "field: before → after"; then both states in full.
function auditChange(r) {
  const before = auditState(r.before);
  const after = auditState(r.after);
  const parts = [];
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) {
      if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
        parts.push(el('div', 'field', k + ': ' + brief(before[k]) + ' → ' + brief(after[k])));
      }
    }
    if (!parts.length) parts.push(el('div', 'note', 'no field changed'));
  } else if (after != null && before == null) {
    parts.push(el('div', 'note', 'created'));
  } else if (before != null && after == null) {
    parts.push(el('div', 'note', 'removed'));
  }
  if (before != null || after != null) {
    const full = el('details', null, el('summary', null, 'before and after'));
    if (before != null) full.append(el('div', 'note', 'before'), el('pre', null, JSON.stringify(before, null, 2)));
    if (after != null) full.append(el('div', 'note', 'after'), el('pre', null, JSON.stringify(after, null, 2)));
    parts.push(full);
  }
  return parts.length ? parts : ['–'];
}

function auditRow(r) {
  const tr = el('tr', 'record ' + (r.kind || '') + ' ' + (r.action || ''));
  tr.dataset.record = r.id;
  const at = Date.parse(r.at);
  const where = [r.origin];
  if (r.device) where.push('device ' + r.device);
  if (r.room) where.push('room ' + r.room);
  if (r.site) where.push('site ' + r.site);
  tr.append(
    el('td', 'at', new Date(at).toLocaleString(), el('br'), el('span', 'note', ago(at))),
    el('td', 'who', el('strong', null, r.actor || '–'), r.role ? ' (' + r.role + ')' : '',
      r.address ? el('br') : null, r.address ? el('span', 'note', 'from ' + r.address) : null),
    el('td', 'what', el('strong', null, (r.kind || '?') + ' ' + (r.action || '')), r.target ? el('br') : null,
      r.target ? el('span', null, r.target) : null),
    el('td', 'where', where.filter((w) => w).join(' · ')),
    el('td', 'change', ...auditChange(r)));
  return tr;
}

function renderAudit(body) {
  const rows = body.records.map(auditRow);
  if (!rows.length) {
    const filtered = Object.values(state.auditFilter).some((v) => v);
    const td = el('td', 'empty', filtered ? 'No change matches these filters.' : 'Nothing recorded yet.');
    td.colSpan = 5;
    rows.push(el('tr', 'empty', td));
  }
  $('audit-list').tBodies[0].replaceChildren(...rows);
  const first = body.page * body.size;
  $('audit-range').textContent = body.records.length
    ? (first + 1) + '–' + (first + body.records.length) + ' of ' + body.total
    : '0 of ' + body.total;
  $('audit-prev').disabled = body.page === 0;
  $('audit-next').disabled = first + body.records.length >= body.total;
}

// The filtered trail as CSV, all pages (the API's format=csv), saved as a file.
async function auditCsv() {
  const query = Object.assign(auditQuery(), { format: 'csv' });
  const response = await api(API + '/audit?' + new URLSearchParams(query), { headers: { Accept: 'text/csv' } });
  if (!response.ok) throw new Error(problem(await response.json().catch(() => null), 'audit CSV', response.status));
  return response.blob();
}
window.setpointDashboard.auditCsv = auditCsv;

async function downloadAudit() {
  try {
    saveBlob(await auditCsv(), 'audit-' + new Date().toISOString().slice(0, 19).replace(/:/g, '') + '.csv');
  } catch (e) {
    auditFailed(e);
  }
}

// ---- Users (admins): ingest's local users; add one with a role and a first password, change a
// role, disable or enable, set a new password.
function showUsers(open) {
  state.usersOpen = open && can('admin');
  $('users').hidden = !state.usersOpen;
  $('users-button').classList.toggle('selected', state.usersOpen);
  $('users-button').setAttribute('aria-pressed', String(state.usersOpen));
  if (!state.usersOpen) return;
  $('users').scrollIntoView({ block: 'start' });
  usersNow();
}

function usersFailed(err) {
  if (err instanceof Unauthorized) showLogin(err.message); else $('users-message').textContent = err.message;
}

function usersNow() {
  refreshUsers().catch(usersFailed);
}

function userUrl(name) {
  return state.config.usersUrl + '/' + encodeURIComponent(name);
}

async function refreshUsers() {
  const seq = ++state.usersSeq;
  $('users-status').textContent = 'reading…';
  const body = await json(state.config.usersUrl);
  if (seq !== state.usersSeq) return;
  window.setpointDashboard.users = body.users;
  $('user-list').tBodies[0].replaceChildren(...body.users.map(userRow));
  $('users-message').textContent = '';
  $('users-status').textContent = body.users.length + ' user' + (body.users.length === 1 ? '' : 's') +
    ' · as of ' + new Date().toLocaleTimeString();
}

function localTime(iso) {
  return iso ? new Date(Date.parse(iso)).toLocaleString() : '–';
}

// A user's row. The bootstrap user is changed only through the configuration, and an admin may
// not demote or disable themself (ingest answers 409 to both): those controls are left out.
function userRow(u) {
  const tr = el('tr', u.disabled ? 'disabled' : null);
  tr.dataset.user = u.username;
  const fixed = u.bootstrap === true;
  const self = u.username === state.user;
  tr.append(
    el('td', 'name', el('strong', null, u.username), self ? el('span', 'note', ' (you)') : null,
      fixed ? el('br') : null, fixed ? el('span', 'note', 'set in the configuration') : null),
    el('td', 'role', fixed || self ? u.role : roleSelect(u)),
    el('td', 'state', u.disabled ? 'disabled' : 'active', fixed || self ? null : ' ', fixed || self ? null : disableButton(u)),
    el('td', null, localTime(u.createdAt)),
    el('td', null, localTime(u.updatedAt)),
    el('td', 'actions', fixed ? null : passwordButton(u, tr)));
  return tr;
}

function roleSelect(u) {
  const role = el('select', 'user-role');
  for (const r of ROLES) role.append(new Option(r, r));
  role.value = u.role;
  role.setAttribute('aria-label', 'role of ' + u.username);
  role.addEventListener('change', () => changeUser(u, { role: role.value }, () => { role.value = u.role; }));
  return role;
}

function disableButton(u) {
  const toggle = el('button', u.disabled ? 'enable' : 'disable', u.disabled ? 'Enable' : 'Disable');
  toggle.type = 'button';
  toggle.addEventListener('click', async () => {
    if (!u.disabled && !await confirmDialog('Disable ' + u.username + '? They cannot log in until enabled again.', 'Disable')) return;
    changeUser(u, { disabled: !u.disabled });
  });
  return toggle;
}

function passwordButton(u, row) {
  const password = el('button', 'password', 'Set password');
  password.type = 'button';
  password.addEventListener('click', () => openPassword(u, row, password));
  return password;
}

async function changeUser(u, change, undo) {
  $('users-message').textContent = '';
  $('users-result').textContent = '…';
  try {
    const a = await send('PATCH', userUrl(u.username), change);
    if (!a.ok) {
      $('users-result').textContent = '';
      $('users-message').textContent = u.username + ': ' + problem(a.body, 'user', a.status);
      if (undo) undo();
      return;
    }
    $('users-result').textContent = u.username + ': ' + ('role' in change ? 'now ' + change.role
      : change.disabled ? 'disabled' : 'enabled');
    usersNow();
  } catch (e) {
    if (undo) undo();
    $('users-result').textContent = '';
    usersFailed(e);
  }
}

// The inline form under a user for a new password (the API answers 204).
function openPassword(u, row, button) {
  const open = $('user-list').querySelector('tr.password-form');
  if (open) open.remove();
  $('user-list').querySelectorAll('button.password').forEach((b) => { b.disabled = false; });
  button.disabled = true;
  const input = el('input');
  input.type = 'password';
  input.autocomplete = 'new-password';
  input.setAttribute('aria-label', 'new password of ' + u.username);
  const submit = el('button', null, 'Set');
  submit.type = 'submit';
  const cancel = el('button', null, 'Cancel');
  cancel.type = 'button';
  const error = el('span', 'error', '');
  error.setAttribute('role', 'alert');
  const form = el('form', 'password', el('label', null, 'New password for ' + u.username + ' ', input), ' ', submit, ' ', cancel, ' ', error);
  const td = el('td', null, form);
  td.colSpan = 6;
  const formRow = el('tr', 'password-form', td);
  row.after(formRow);
  input.focus();
  const close = () => {
    formRow.remove();
    button.disabled = false;
  };
  cancel.addEventListener('click', close);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!input.value) {
      error.textContent = 'a password is required';
      return;
    }
    submit.disabled = true;
    try {
      const response = await api(userUrl(u.username) + '/password', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ password: input.value }),
      });
      if (!response.ok) {
        error.textContent = problem(await response.json().catch(() => null), 'password', response.status);
        submit.disabled = false;
        return;
      }
      input.value = '';
      close();
      $('users-result').textContent = u.username + ': password set';
    } catch (e) {
      submit.disabled = false;
      if (e instanceof Unauthorized) showLogin(e.message); else error.textContent = e.message;
    }
  });
}

async function addUser(event) {
  event.preventDefault();
  const fields = { username: $('user-name'), role: $('user-role'), password: $('user-password') };
  Object.values(fields).forEach((f) => f.removeAttribute('aria-invalid'));
  $('users-message').textContent = '';
  $('users-result').textContent = '';
  const user = { username: fields.username.value.trim(), role: fields.role.value, password: fields.password.value };
  const missing = ['username', 'password'].filter((f) => !user[f]);
  if (missing.length) {
    missing.forEach((f) => fields[f].setAttribute('aria-invalid', 'true'));
    $('users-message').textContent = missing.join(' and ') + ' required';
    return;
  }
  $('user-add').disabled = true;
  try {
    const a = await send('POST', state.config.usersUrl, user);
    if (!a.ok) {
      const message = problem(a.body, 'user', a.status);
      // the field the refusal starts with (a 409 is the name taken)
      const first = /^(username|role|password)\b/.exec(message);
      const named = a.status === 409 ? 'username' : first && first[1];
      if (named) fields[named].setAttribute('aria-invalid', 'true');
      $('users-message').textContent = 'not added: ' + message;
      return;
    }
    fields.username.value = '';
    fields.password.value = '';
    $('users-result').textContent = 'added ' + user.username + ' (' + user.role + ')';
    usersNow();
  } catch (e) {
    usersFailed(e);
  } finally {
    $('user-add').disabled = false;
  }
}

async function refreshEnergy(force) {
  const room = state.energyRoom;
  if (!room || (!force && Date.now() - state.energyAt < ENERGY_EVERY_MS)) return;
  state.energyAt = Date.now();
  const base = API + '/rooms/' + encodeURIComponent(room) + '/energy';
  const [hours, days, anomalies] = await Promise.all([
    json(base + '?step=hour'),
    json(base + '?step=day'),
    json(base + '/anomalies'),
  ]);
  if (room === state.energyRoom) renderEnergy(hours, days, anomalies);
}

async function refresh() {
  try {
    await refreshDevices();
    await refreshRooms();
    await refreshHistory();
    await refreshEnergy(false);
    savingsLater();
    if (state.devicesOpen) devicesNow(false);
    // the newest page follows new records; an older one stays where the user paged to
    if (state.auditOpen && state.auditPage === 0) auditNow();
    $('message').textContent = '';
  } catch (e) {
    if (e instanceof Unauthorized) { showLogin(e.message); return; }
    $('message').textContent = e.message;
  }
  refreshEdge();
}

function selectDevice(device) {
  state.device = device;
  $('override-device').value = device || '';
  renderDevices();
  refresh();
}

async function downloadCsv() {
  try {
    const response = await api(historyUrl(), { headers: { Accept: 'text/csv' } });
    if (!response.ok) throw new Error('CSV: HTTP ' + response.status);
    saveBlob(await response.blob(), 'climate-' + (state.device || state.site) + '-' + state.range + '.csv');
  } catch (e) {
    if (e instanceof Unauthorized) showLogin(e.message); else $('message').textContent = e.message;
  }
}

async function action(run) {
  $('action-result').textContent = '…';
  try {
    const response = await run();
    const body = await response.json().catch(() => ({}));
    $('action-result').textContent = response.ok ? 'done (HTTP ' + response.status + ')'
      : problem(body, 'HTTP', response.status);
  } catch (e) {
    if (e instanceof Unauthorized) showLogin(e.message); else $('action-result').textContent = e.message;
  }
}

function overrideSetpoint(event) {
  event.preventDefault();
  const device = $('override-device').value.trim();
  const value = $('override-value').value;
  // A hold keeps the operator's setpoint until then: the command store refuses recommendations
  // issued before it ends (at most 31 days).
  const hours = Number($('override-hold').value);
  const hold = hours > 0 ? '?hold-until=' + encodeURIComponent(new Date(Date.now() + hours * 3600e3).toISOString()) : '';
  action(() => api(state.config.commandUrl + encodeURIComponent(device) + '/setpoint' + hold, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ setpoint: String(value) }),
  }));
}

function reloadModel() {
  action(() => api(API + '/model/reload', { method: 'POST' }));
}

async function start() {
  whoIsIn();
  applyRole();
  $('login').hidden = true;
  $('dashboard').hidden = false;
  $('pickers').hidden = false;
  const charts = window.setpointDashboard.charts;
  if (!charts.temperature) {
    charts.temperature = makeChart($('temperature-chart'), '°C', '#d84315', '#1565c0');
    charts.humidity = makeChart($('humidity-chart'), '%', '#6a1b9a', '#00838f');
    charts.energy = makeEnergyChart($('energy-chart'));
  }
  try {
    await refreshSites();
  } catch (e) {
    if (e instanceof Unauthorized) { showLogin(e.message); return; }
    $('message').textContent = e.message;
  }
  await refresh();
  if (state.savingsWanted) {
    state.savingsWanted = false;
    showSavings(true);
  }
  if (state.alertsWanted) {
    state.alertsWanted = false;
    showAlerts(true);
  }
  const view = state.wantedView;
  state.wantedView = null;
  if (view === 'devices') showDevices(true);
  if (view === 'audit') showAudit(true);
  if (view === 'users') showUsers(true);
  clearInterval(state.timer);
  state.timer = setInterval(refresh, state.config.refreshSeconds * 1000);
  clearInterval(state.alertsTimer);
  state.alertsTimer = setInterval(alertsTick, ALERTS_EVERY_MS);
  refreshAlertCount();
}

async function init() {
  state.config = await (await fetch(API + '/dashboard/config')).json();
  const wanted = new URLSearchParams(location.search);
  state.device = wanted.get('device');
  state.site = wanted.get('site') || '';
  if (['1h', '24h', '7d', '30d', '1y'].includes(wanted.get('range'))) state.range = wanted.get('range');
  state.savingsWanted = wanted.get('view') === 'savings';
  state.alertsWanted = wanted.get('view') === 'alerts';
  state.wantedView = wanted.get('view');
  state.savingsMonth = thisMonth();
  $('savings-month').value = state.savingsMonth;
  $('savings-month').max = state.savingsMonth;
  document.querySelectorAll('button.range').forEach((b) => {
    b.classList.toggle('selected', b.dataset.range === state.range);
    b.addEventListener('click', () => {
      state.range = b.dataset.range;
      document.querySelectorAll('button.range').forEach((o) => o.classList.toggle('selected', o === b));
      refresh();
    });
  });
  $('login-form').addEventListener('submit', login);
  $('logout-button').addEventListener('click', logout);
  $('device-select').addEventListener('change', (e) => selectDevice(e.target.value));
  $('site-select').addEventListener('change', (e) => {
    state.site = e.target.value;
    state.device = null;
    renderDevices();
    refresh();
  });
  $('csv-button').addEventListener('click', downloadCsv);
  $('override-form').addEventListener('submit', overrideSetpoint);
  $('reload-model').addEventListener('click', reloadModel);
  $('energy-room').addEventListener('change', (e) => {
    state.energyRoom = e.target.value;
    refreshEnergy(true).catch((err) => {
      if (err instanceof Unauthorized) showLogin(err.message); else $('message').textContent = err.message;
    });
  });
  $('savings-button').addEventListener('click', () => showSavings(!state.savingsOpen));
  $('savings-room').addEventListener('change', (e) => {
    state.savingsRoom = e.target.value;
    savingsNow();
  });
  $('savings-month').addEventListener('change', (e) => {
    if (!/^\d{4}-\d{2}$/.test(e.target.value)) return;
    state.savingsMonth = e.target.value;
    savingsNow();
  });
  $('report-html').addEventListener('click', () => downloadReport('html'));
  $('report-csv').addEventListener('click', () => downloadReport('csv'));
  $('alerts-button').addEventListener('click', () => showAlerts(!state.alertsOpen));
  $('alert-filters').addEventListener('submit', (e) => e.preventDefault());
  $('alert-state').addEventListener('change', (e) => alertsFilter('state', e.target.value));
  $('alert-severity').addEventListener('change', (e) => alertsFilter('severity', e.target.value));
  $('alert-room').addEventListener('change', (e) => alertsFilter('room', e.target.value));
  $('alerts-prev').addEventListener('click', () => {
    state.alertsPage = Math.max(0, state.alertsPage - 1);
    alertsNow();
  });
  $('alerts-next').addEventListener('click', () => {
    state.alertsPage += 1;
    alertsNow();
  });
  $('rules-site').addEventListener('change', (e) => {
    state.rulesSite = e.target.value;
    state.rulesScope = null; // the most specific scope chosen
    $('rules-result').textContent = '';
    rulesNow();
  });
  $('rules-room').addEventListener('change', (e) => {
    state.rulesRoom = e.target.value;
    state.rulesScope = null;
    $('rules-result').textContent = '';
    rulesNow();
  });
  $('rules-scope').addEventListener('change', (e) => {
    state.rulesScope = e.target.value;
    $('rules-result').textContent = '';
    if (window.setpointDashboard.rules) renderRules(window.setpointDashboard.rules);
  });
  $('rules-form').addEventListener('submit', saveRules);
  $('devices-button').addEventListener('click', () => showDevices(!state.devicesOpen));
  $('devices-filter').addEventListener('input', renderFleet);
  $('register').addEventListener('toggle', () => {
    if ($('register').open && !state.profiles) devicesNow(true);
  });
  $('register-profile').addEventListener('change', describeProfile);
  $('register-form').addEventListener('submit', register);
  $('token-copy').addEventListener('click', copyToken);
  $('detail-close').addEventListener('click', closeDetail);
  $('audit-button').addEventListener('click', () => showAudit(!state.auditOpen));
  $('audit-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    readAuditFilters();
    auditNow();
  });
  for (const id of ['audit-kind', 'audit-from', 'audit-to']) {
    $(id).addEventListener('change', () => {
      readAuditFilters();
      auditNow();
    });
  }
  $('audit-prev').addEventListener('click', () => {
    state.auditPage = Math.max(0, state.auditPage - 1);
    auditNow();
  });
  $('audit-next').addEventListener('click', () => {
    state.auditPage += 1;
    auditNow();
  });
  $('audit-csv').addEventListener('click', downloadAudit);
  $('users-button').addEventListener('click', () => showUsers(!state.usersOpen));
  $('user-form').addEventListener('submit', addUser);
  if (token()) {
    scheduleRefresh();
    await start();
  } else showLogin('');
}

init().catch((e) => { document.body.textContent = 'The dashboard could not start: ' + e.message; });

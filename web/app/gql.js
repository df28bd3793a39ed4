// The app's GraphQL client: queries and mutations over HTTP POST, live
// queries over one graphql-transport-ws websocket that reconnects and
// resubscribes by itself. Errors carry the server's message and
// extensions.code.

const KEY_STORAGE = "testing-agent.apiKey";
const WS_PROTOCOL = "graphql-transport-ws";

/** An error the server (or the connection) reported. */
export class ApiError extends Error {
  constructor(message, code, extra = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code || "INTERNAL";
    this.extra = extra;
  }
}

const authListeners = new Set();

/** The API key, from localStorage; "" when none. */
export function apiKey() {
  try {
    return localStorage.getItem(KEY_STORAGE) || "";
  } catch {
    return "";
  }
}

/** Stores the key (or forgets it when empty) and reconnects with it. */
export function setApiKey(key) {
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key);
    else localStorage.removeItem(KEY_STORAGE);
  } catch {
    /* storage disabled: the key lives for this page only */
  }
  memoryKey = key;
  socket.restart();
}
let memoryKey = apiKey();

/** Calls fn(error) whenever the server asks for an API key. */
export function onAuthRequired(fn) {
  authListeners.add(fn);
  return () => authListeners.delete(fn);
}

function authRequired(err) {
  for (const fn of authListeners) fn(err);
}

function authorization() {
  const key = memoryKey || apiKey();
  return key ? "Bearer " + key : "";
}

function errorFrom(e) {
  const ext = (e && e.extensions) || {};
  return new ApiError((e && e.message) || "request failed", ext.code, ext);
}

/** Sends a query or mutation; resolves with data, rejects with ApiError. */
export async function request(query, variables = {}) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const auth = authorization();
  if (auth) headers.Authorization = auth;
  let resp;
  try {
    resp = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new ApiError("the server cannot be reached: " + e.message, "NETWORK");
  }
  let body = null;
  try {
    body = await resp.json();
  } catch {
    /* not JSON: described below */
  }
  const errors = (body && body.errors) || [];
  if (resp.status === 401 || errors.some((e) => e.extensions && e.extensions.code === "UNAUTHENTICATED")) {
    const err = errors.length ? errorFrom(errors[0]) : new ApiError("an API key is required", "UNAUTHENTICATED");
    err.code = "UNAUTHENTICATED";
    authRequired(err);
    throw err;
  }
  if (errors.length) {
    const err = errorFrom(errors[0]);
    err.data = body.data;
    err.all = errors.map(errorFrom);
    throw err;
  }
  if (!body || !resp.ok) {
    throw new ApiError(`the server answered HTTP ${resp.status}`, resp.status >= 500 ? "INTERNAL" : "BAD_REQUEST");
  }
  return body.data;
}

/**
 * Fetches a file of this server (a report) with the API key, for links a
 * browser would otherwise follow without it. Resolves with a Blob.
 */
export async function fetchFile(url) {
  const auth = authorization();
  const resp = await fetch(url, { headers: auth ? { Authorization: auth } : {} });
  if (resp.status === 401) {
    const err = new ApiError("an API key is required to read reports", "UNAUTHENTICATED");
    authRequired(err);
    throw err;
  }
  if (!resp.ok) {
    const text = (await resp.text()).trim();
    throw new ApiError(text || `the server answered HTTP ${resp.status}`, resp.status === 403 ? "FORBIDDEN" : resp.status === 404 ? "NOT_FOUND" : "INTERNAL");
  }
  return resp.blob();
}

/** Whether requests carry an API key. */
export function hasApiKey() {
  return authorization() !== "";
}

/**
 * The websocket: one connection for every live query, opened on first use.
 * Each subscription is kept with a function giving its current variables,
 * so after a reconnect a log stream resumes after its last cursor.
 */
class Socket {
  constructor() {
    this.ws = null;
    this.acked = false;
    this.subs = new Map(); // id → {query, variables(), sink}
    this.nextId = 1;
    this.retry = 0;
    this.timer = null;
    this.listeners = new Set();
    this.state = "idle";
  }

  onState(fn) {
    this.listeners.add(fn);
    fn(this.state);
    return () => this.listeners.delete(fn);
  }

  setState(s) {
    this.state = s;
    for (const fn of this.listeners) fn(s);
  }

  subscribe(query, variables, sink) {
    const id = String(this.nextId++);
    this.subs.set(id, { query, variables, sink });
    if (this.acked) this.send({ id, type: "subscribe", payload: { query, variables: variables() } });
    else this.open();
    return () => {
      if (!this.subs.delete(id)) return;
      if (this.acked) this.send({ id, type: "complete" });
    };
  }

  send(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  open() {
    if (this.ws || this.timer) return;
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/graphql";
    this.setState("connecting");
    const ws = new WebSocket(url, WS_PROTOCOL);
    this.ws = ws;
    this.acked = false;
    ws.onopen = () => {
      const auth = authorization();
      ws.send(JSON.stringify({ type: "connection_init", payload: auth ? { authorization: auth } : {} }));
    };
    ws.onmessage = (ev) => this.receive(ws, ev.data);
    ws.onclose = (ev) => this.closed(ws, ev);
  }

  receive(ws, raw) {
    let msg;
    try {
      msg = JSON.parse(raw);
    } catch {
      return;
    }
    const sub = msg.id ? this.subs.get(msg.id) : null;
    switch (msg.type) {
      case "connection_ack":
        this.acked = true;
        this.retry = 0;
        this.setState("live");
        for (const [id, s] of this.subs) {
          ws.send(JSON.stringify({ id, type: "subscribe", payload: { query: s.query, variables: s.variables() } }));
        }
        break;
      case "ping":
        ws.send(JSON.stringify({ type: "pong" }));
        break;
      case "next":
        if (!sub) break;
        if (msg.payload && msg.payload.errors && msg.payload.errors.length) {
          sub.sink.error(errorFrom(msg.payload.errors[0]));
        }
        if (msg.payload && msg.payload.data) sub.sink.next(msg.payload.data);
        break;
      case "error":
        if (!sub) break;
        this.subs.delete(msg.id);
        sub.sink.error(errorFrom(Array.isArray(msg.payload) ? msg.payload[0] : msg.payload));
        break;
      case "complete":
        if (!sub) break;
        this.subs.delete(msg.id);
        if (sub.sink.complete) sub.sink.complete();
        break;
    }
  }

  closed(ws, ev) {
    if (this.ws !== ws) return;
    this.ws = null;
    this.acked = false;
    if (ev.code === 4401 || ev.code === 4403) {
      this.setState("unauthorized");
      authRequired(new ApiError(ev.reason || "an API key is required", "UNAUTHENTICATED"));
      return; // setApiKey restarts
    }
    if (this.subs.size === 0) {
      this.setState("idle");
      return;
    }
    // Reconnect with backoff (0.5 s doubling to 10 s): a restarting server
    // closes with 1001 and comes back.
    this.setState("reconnecting");
    const delay = Math.min(10000, 500 * 2 ** this.retry++);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.open();
    }, delay);
  }

  restart() {
    clearTimeout(this.timer);
    this.timer = null;
    const ws = this.ws;
    this.ws = null;
    this.acked = false;
    if (ws) ws.close(1000, "new API key");
    if (this.subs.size) this.open();
  }
}

const socket = new Socket();

/**
 * Subscribes to a live query. variables may be a function, called at every
 * (re)subscription. Returns a function that unsubscribes.
 */
export function subscribe(query, variables, sink) {
  const vars = typeof variables === "function" ? variables : () => variables;
  return socket.subscribe(query, vars, sink);
}

/** Calls fn with the websocket's state: idle, connecting, live, reconnecting, unauthorized. */
export function onConnectionState(fn) {
  return socket.onState(fn);
}

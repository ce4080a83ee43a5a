// An outside load driver: the JavaScript SignalR client (the package the web page
// uses) in Node.js, against the bench's bare relay and the chat service, each started
// here from its Release build. Saturation (the default): every client keeps DEPTH
// calls in flight. Steady (--rate R): R messages a second spread over the clients,
// each stamped with its send time, and the latency from send to every receipt of
// its message event. Rounds alternate the servers (relay, chat, then chat, relay,
// ...) and the figure reported is the median of the rounds'. One Node.js process
// drives every client, so a fast server is capped by the driver.
//
//   node driver.mjs [--clients 40] [--depth 8] [--rate 0] [--duration 10] [--warmup 5] [--rounds 3]
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as signalR from "@microsoft/signalr";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const roomSize = 4;
const options = parse(process.argv.slice(2), { clients: 40, depth: 8, rate: 0, duration: 10, warmup: 5, rounds: 3 });
// /proc counts processor time in clock ticks of USER_HZ, which Linux reports as 100 a second.
const ticks = 100;

function parse(args, defaults) {
  const result = { ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i].replace(/^--/, "");
    // Every option is a positive whole number, but --rate may be 0: saturation, the default.
    if (!(key in defaults) || !/^\d+$/.test(args[i + 1] ?? "") || (Number(args[i + 1]) <= 0 && key !== "rate")) {
      console.error(`usage: node driver.mjs [--clients N] [--depth N] [--rate R] [--duration S] [--warmup S] [--rounds N] (got ${args[i]} ${args[i + 1] ?? ""})`);
      process.exit(2);
    }
    result[key] = Number(args[i + 1]);
  }
  if (result.clients % roomSize !== 0) {
    console.error(`--clients must be a multiple of ${roomSize}`);
    process.exit(2);
  }
  return result;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Processor time (user + system) a process has used, in microseconds, from /proc. */
function processorMicros(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticks;
}

// Every server this started, ended when the driver ends however it ends.
const children = [];
process.on("exit", () => {
  for (const child of children) {
    child.stopping = true;
    child.kill("SIGTERM");
  }
});

function start(name, args, extra = {}) {
  const child = spawn("dotnet", args, { stdio: ["ignore", "pipe", "pipe"], ...extra });
  children.push(child);
  let tail = "";
  const keep = (d) => { tail = (tail + d).slice(-4000); };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.on("exit", (code) => { if (!child.stopping) { console.error(`${name} exited (${code}):\n${tail}`); process.exit(1); } });
  return child;
}

async function waitUntilAnswering(url) {
  for (let i = 0; i < 450; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch { /* not listening yet */ }
    await sleep(200);
  }
  throw new Error(`${url} did not answer`);
}

// A port nothing listens on now: the system picks it, and it is handed to the server started next.
function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function startRelay(port) {
  const bench = join(root, "bench/Chat.Bench/bin/Release/net10.0/Chat.Bench.dll");
  const base = `http://127.0.0.1:${port}`;
  const child = start("relay", [bench, "relay-server", "--urls", base, "--parent-pid", String(process.pid)],
    { env: { ...process.env, DOTNET_gcServer: "0" } });
  await waitUntilAnswering(`${base}/health`);
  return { name: "relay", base, child, seat: async () => ({}) };
}

async function startChat(port, folder) {
  const output = join(root, "src/Chat.Web/bin/Release/net10.0");
  const base = `http://127.0.0.1:${port}`;
  const limits = ["RegistrationsPerMinute", "LobbyActionsPerMinute", "MessagesPerSecond", "MessageBurst"].map((k) => `--Limits:${k}=0`);
  const child = start("chat", [join(output, "Chat.Web.dll"), "--urls", base, `--ConnectionStrings:Chat=Data Source=${join(folder, "chat.db")}`, ...limits],
    { cwd: output, env: { ...process.env, ASPNETCORE_ENVIRONMENT: "Production" } });
  await waitUntilAnswering(`${base}/api/`);
  const post = async (path, body, cookie) => {
    const response = await fetch(`${base}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  // Signs the seat's user up, hosts or joins its room, and hands the sign-in cookie to the hub connection.
  const seat = async ({ username, room, hosts }) => {
    const registered = await post("/api/register", { username });
    const cookie = registered.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    await post("/api/lobby", hosts ? { type: "host", room, max_players_allowed: roomSize } : { type: "join", room }, cookie);
    return { Cookie: cookie };
  };
  return { name: "chat", base, child, seat };
}

async function connect(target, count) {
  const clients = [];
  for (let i = 0; i < count; i++) {
    const username = `n${i}`;
    const room = `nr${Math.floor(i / roomSize)}`;
    const headers = await target.seat({ username, room, hosts: i % roomSize === 0 });
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(`${target.base}/chat`, { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true, headers })
      .configureLogging(signalR.LogLevel.Error)
      .build();
    const client = { username, room, connection, delivered: 0 };
    connection.on("message", (event) => {
      client.delivered++;
      // A steady round's messages carry their send time: "t <ms>".
      if (latencies && typeof event?.message === "string" && event.message.startsWith("t ")) {
        latencies.push(performance.now() - Number(event.message.slice(2)));
      }
    });
    await connection.start();
    await connection.invoke("join", { room, username });
    clients.push(client);
  }
  return clients;
}

/** Every client keeps `depth` calls in flight for `seconds`; answers the accepted calls and the deliveries. */
async function saturate(target, clients, depth, seconds) {
  let accepted = 0;
  let failures = 0;
  let running = true;
  const delivered = clients.reduce((n, c) => n + c.delivered, 0);
  const cpu = processorMicros(target.child.pid);
  const started = performance.now();
  const loops = clients.flatMap((client) => Array.from({ length: depth }, async () => {
    let n = 0;
    while (running) {
      try {
        await client.connection.invoke("message", { from: client.username, room: client.room, message: `m ${n++}` });
        accepted++;
      } catch {
        failures++;
      }
    }
  }));
  await sleep(seconds * 1000);
  running = false;
  const elapsed = (performance.now() - started) / 1000;
  const used = processorMicros(target.child.pid) - cpu;
  await Promise.all(loops);
  return {
    rate: accepted / elapsed,
    deliveries: (clients.reduce((n, c) => n + c.delivered, 0) - delivered) / elapsed,
    serverMicrosPerMessage: accepted > 0 ? used / accepted : NaN,
    failures,
  };
}

// The steady round under way collects its deliveries' latencies here (ms).
let latencies = null;

/** `rate` messages a second for `seconds`, each from the next client in turn; answers the latencies and what was lost. */
async function steady(clients, rate, seconds) {
  latencies = [];
  let sent = 0;
  let accepted = 0;
  let failures = 0;
  const calls = [];
  const lags = [];
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const now = performance.now();
    const due = Math.floor(((now - started) / 1000) * rate);
    for (; sent < due; sent++) {
      // Stamped with the instant it was due, not the one it went out: a driver that
      // falls behind counts its own lag too, rather than hiding the wait it caused.
      const intended = started + (sent * 1000) / rate;
      lags.push(now - intended);
      const client = clients[sent % clients.length];
      calls.push(client.connection.invoke("message", { from: client.username, room: client.room, message: `t ${intended}` })
        .then(() => { accepted++; }, () => { failures++; }));
    }
    await sleep(1);
  }
  await Promise.all(calls);
  await sleep(500); // the last broadcasts
  const measured = latencies.sort((a, b) => a - b);
  latencies = null;
  const quantile = (values, q) => values[Math.min(values.length - 1, Math.floor(q * values.length))];
  const at = (q) => quantile(measured, q);
  lags.sort((a, b) => a - b);
  return { sent, accepted, failures, deliveries: measured.length, expected: accepted * roomSize, p50: at(0.5), p99: at(0.99), max: measured.at(-1), lagP99: quantile(lags, 0.99) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const folder = mkdtempSync(join(tmpdir(), "chat-node-driver-"));
const targets = [];
try {
  targets.push(await startRelay(await freePort()), await startChat(await freePort(), folder));
  const clients = new Map();
  for (const target of targets) {
    clients.set(target, await connect(target, options.clients));
    await saturate(target, clients.get(target), options.depth, options.warmup);
  }
  const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" / ");
  if (options.rate > 0) {
    console.log(`node ${process.version}; ${options.clients} clients in rooms of ${roomSize}, ${options.rate} msg/s, ${options.duration}s rounds; load average ${load()}`);
    console.log("target  round  sent  accepted  deliveries/expected  p50 ms  p99 ms  max ms  failures  driver lag p99 ms");
    const p99s = new Map(targets.map((t) => [t.name, []]));
    for (let round = 1; round <= options.rounds; round++) {
      const order = round % 2 === 1 ? targets : [...targets].reverse();
      for (const target of order) {
        const r = await steady(clients.get(target), options.rate, options.duration);
        p99s.get(target.name).push(r.p99);
        console.log(`${target.name.padEnd(6)}  ${String(round).padStart(5)}  ${String(r.sent).padStart(4)}  ${String(r.accepted).padStart(8)}  ${`${r.deliveries}/${r.expected}`.padStart(19)}  ${r.p50.toFixed(1).padStart(6)}  ${r.p99.toFixed(1).padStart(6)}  ${r.max.toFixed(1).padStart(6)}  ${String(r.failures).padStart(8)}  ${r.lagP99.toFixed(1).padStart(17)}`);
      }
    }
    for (const [name, values] of p99s) {
      const verdict = name === "chat" ? `  (target <= 10 ms: ${median(values) <= 10 ? "met" : "NOT met"})` : "";
      console.log(`${name} p99 at ${options.rate} msg/s under the Node.js driver (median of ${options.rounds} rounds: ${values.map((v) => v.toFixed(1)).join(", ")}): ${median(values).toFixed(1)} ms${verdict}`);
    }
  } else {
    console.log(`node ${process.version}; ${options.clients} clients in rooms of ${roomSize}, ${options.depth} in flight each, ${options.duration}s rounds; load average ${load()}`);
    console.log("target  round  accepted/s  deliveries/s  server us/msg  failures");
    const ratios = [];
    for (let round = 1; round <= options.rounds; round++) {
      const order = round % 2 === 1 ? targets : [...targets].reverse();
      const results = new Map();
      for (const target of order) {
        const r = await saturate(target, clients.get(target), options.depth, options.duration);
        results.set(target.name, r);
        console.log(`${target.name.padEnd(6)}  ${String(round).padStart(5)}  ${r.rate.toFixed(0).padStart(10)}  ${r.deliveries.toFixed(0).padStart(12)}  ${r.serverMicrosPerMessage.toFixed(0).padStart(13)}  ${String(r.failures).padStart(8)}`);
      }
      ratios.push(results.get("chat").rate / results.get("relay").rate);
    }
    console.log(`chat/relay accepted rate under the Node.js driver (median of ${options.rounds} rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")}): ${median(ratios).toFixed(2)}  (target >= 0.70: ${median(ratios) >= 0.7 ? "met" : "NOT met"})`);
  }
  console.log(`load average at the end: ${load()}`);
  for (const list of clients.values()) await Promise.all(list.map((c) => c.connection.stop()));
} finally {
  for (const child of children) {
    child.stopping = true;
    child.kill("SIGTERM");
  }
  rmSync(folder, { recursive: true, force: true });
}

// The REST half of the wire contract. Every failure is an RFC 9457 problem body
// carrying `message` and, for validation failures, `errors` (field -> messages).

export class ApiError extends Error {
  constructor(status, message, errors) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.errors = errors ?? {};
  }
}

async function request(method, path, body) {
  const init = {
    method,
    headers: { Accept: "application/json" },
    credentials: "same-origin",
  };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, "The server cannot be reached. Check your connection and try again.");
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const message = payload?.message ?? payload?.detail ?? payload?.title ?? `The server answered ${response.status}.`;
    throw new ApiError(response.status, message, payload?.errors);
  }
  return payload ?? {};
}

async function readJson(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const api = {
  register: (username) => request("POST", "/api/register", { username }),
  lobby: () => request("GET", "/api/lobby"),
  sessions: () => request("GET", "/api/lobby/sessions"),
  users: () => request("GET", "/api/lobby/users"),
  robots: () => request("GET", "/api/robots"),
  stats: () => request("GET", "/api/stats"),
  host: ({ room, maxPlayers, robot }) => {
    const body = { type: "host", room };
    if (maxPlayers !== null) {
      body.max_players_allowed = maxPlayers;
    }
    if (robot) {
      body.robot = robot;
    }
    return request("POST", "/api/lobby", body);
  },
  join: (room) => request("POST", "/api/lobby", { type: "join", room }),
  joinRandom: () => request("POST", "/api/lobby", { type: "join", random: true }),
  leave: () => request("POST", "/api/lobby", { type: "leave" }),
  logout: () => request("POST", "/api/logout"),
  messages: (room, { afterSeq, beforeSeq, limit } = {}) => {
    const query = new URLSearchParams();
    if (afterSeq !== undefined) {
      query.set("after_seq", String(afterSeq));
    }
    if (beforeSeq !== undefined) {
      query.set("before_seq", String(beforeSeq));
    }
    if (limit !== undefined) {
      query.set("limit", String(limit));
    }
    const text = query.toString();
    const suffix = text ? `?${text}` : "";
    return request("GET", `/api/sessions/${encodeURIComponent(room)}/messages${suffix}`);
  },
};

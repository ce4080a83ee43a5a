// The SignalR side of a room. The bundle from npm (wwwroot/lib/signalr.min.js,
// loaded by index.html) exposes the global `signalR`.
const { signalR } = window;

// Retry quickly at first, then every few seconds; give up after five minutes so a
// sign-in that has ended (logout elsewhere) stops knocking and the page says so.
const retryPolicy = {
  nextRetryDelayInMilliseconds({ previousRetryCount, elapsedMilliseconds }) {
    if (elapsedMilliseconds > 5 * 60 * 1000) {
      return null;
    }
    return [0, 1000, 2000, 3000][previousRetryCount] ?? 5000;
  },
};

/** Turns a hub failure into the readable reason the server put in its HubException. */
export function hubErrorText(error) {
  const text = error instanceof Error ? error.message : String(error);
  const marker = "HubException: ";
  const at = text.indexOf(marker);
  return at >= 0 ? text.slice(at + marker.length) : text;
}

/**
 * One hub connection for one room. Uses the client's automatic reconnect; since
 * group membership does not survive a reconnect, `onReconnected` tells the room
 * to join again and fetch what it missed.
 */
export class RoomConnection {
  #connection;
  #room;
  #username;
  #closing = false;

  constructor(room, username, handlers) {
    this.#room = room;
    this.#username = username;
    this.#connection = new signalR.HubConnectionBuilder()
      .withUrl("/chat")
      .withAutomaticReconnect(retryPolicy)
      .configureLogging(signalR.LogLevel.Warning)
      .build();

    this.#connection.on("message", (message) => handlers.onMessage(message));
    this.#connection.on("session_updated", (session) => handlers.onSessionUpdated(session));
    this.#connection.on("typing", (typing) => handlers.onTyping?.(typing));
    this.#connection.on("game_updated", (game) => handlers.onGameUpdated?.(game));
    this.#connection.on("error", (payload) => handlers.onServerError(payload?.msg ?? "Something went wrong."));
    this.#connection.onreconnecting(() => handlers.onStateChange("reconnecting"));
    this.#connection.onreconnected(() => handlers.onReconnected());
    this.#connection.onclose(() => {
      if (!this.#closing) {
        handlers.onStateChange("disconnected");
      }
    });
  }

  get isConnected() {
    return this.#connection.state === signalR.HubConnectionState.Connected;
  }

  get isDisconnected() {
    return this.#connection.state === signalR.HubConnectionState.Disconnected;
  }

  async start() {
    await this.#connection.start();
  }

  /**
   * Joins the room's broadcasts. With `afterSeq`, the history is what came after it
   * (`complete` false when more remains to fetch); without, the latest page. Resolves
   * to `{ messages, complete, session }`, or null if refused.
   */
  async join(afterSeq) {
    const request = { room: this.#room, username: this.#username };
    if (typeof afterSeq === "number" && afterSeq > 0) {
      request.after_seq = afterSeq;
    }
    const result = await this.#connection.invoke("join", request);
    return Array.isArray(result?.messages) ? result : null;
  }

  /**
   * Sends a chat line under the client's own id for it, so that sending it again
   * (after a reconnect) stores nothing twice; resolves to the stored Message,
   * rejects with the server's reason.
   */
  send(text, clientMsgId) {
    return this.#connection.invoke("message", { from: this.#username, room: this.#room, message: text, client_msg_id: clientMsgId });
  }

  /** Tells the room this user is typing; a lost signal matters to nobody, so failures are ignored. */
  typing() {
    if (this.isConnected) {
      this.#connection.invoke("typing", { room: this.#room }).catch(() => undefined);
    }
  }

  /** Votes for a suspect; resolves to the Game, rejects with the server's reason. */
  vote(suspect) {
    return this.#connection.invoke("vote", { room: this.#room, suspect });
  }

  async close() {
    this.#closing = true;
    await this.#connection.stop();
  }
}

import { api } from "./api.js";
import { Composer } from "./composer.js";
import { $, el, plural } from "./dom.js";
import { MessageList } from "./message-list.js";
import { MessageStore } from "./message-store.js";
import { GamePanel } from "./game-panel.js";
import { PlayerList } from "./players.js";
import { hubErrorText, RoomConnection } from "./realtime.js";
import { TypingIndicator } from "./typing-indicator.js";

// The join history holds the latest 50; a full page means there may be older ones.
const HISTORY_PAGE = 50;
// Largest page the messages endpoint serves, so a long absence is fetched in few calls.
const CATCH_UP_PAGE = 500;

/** A client message id: 32 hex digits (getRandomValues works on plain http too, randomUUID does not). */
function newClientMsgId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const BANNERS = {
  reconnecting: "Connection lost. Reconnecting…",
  offline: "You are offline. Messages will catch up when the network is back.",
  disconnected: "Disconnected from the chat.",
  removed: "You are no longer a player of this session.",
};

/** The room: messages, players, composer, and the connection that feeds them. */
export class RoomView {
  #view = $("#room-view");
  #heading = $("#room-heading");
  #meta = $("#room-meta");
  #banner = $("#connection-banner");
  #olderButton = $("#older-button");
  #store = new MessageStore();
  #messages = new MessageList($("#messages"), $("#jump-latest"));
  #players = new PlayerList($("#players-list"), $("#players-count"));
  #typing = new TypingIndicator($("#typing-indicator"));
  #game;
  #composer;
  #connection = null;
  #unacknowledged = [];
  #fillingGap = false;
  #room = "";
  #username = "";
  #onLeft;

  constructor({ onLeft }) {
    this.#onLeft = onLeft;
    this.#composer = new Composer(
      $("#composer"),
      (text) => this.#send(text),
      () => this.#connection?.typing(),
    );
    this.#game = new GamePanel($("#game-panel"), (suspect) => this.#vote(suspect));
    $("#leave-button").addEventListener("click", () => this.#leave());
    this.#olderButton.addEventListener("click", () => this.#loadOlder());
    window.addEventListener("offline", () => this.#browserOffline());
    window.addEventListener("online", () => this.#browserOnline());
  }

  get element() {
    return this.#view;
  }

  async open(room, username) {
    await this.close();
    this.#room = room;
    this.#username = username;
    this.#store.clear();
    this.#unacknowledged = [];
    this.#messages.reset(username);
    this.#players.reset(username);
    this.#typing.reset(username);
    this.#game.reset(username);
    this.#composer.reset();
    this.#olderButton.hidden = true;
    this.#heading.textContent = room;
    // On a phone the player list starts folded so the messages get the screen.
    $("#players-panel").open = !window.matchMedia("(max-width: 40rem)").matches;
    this.#meta.textContent = "";
    this.#setState("connecting");

    this.#connection = new RoomConnection(room, username, {
      onMessage: (message) => this.#receiveLive(message),
      onSessionUpdated: (session) => this.#showSession(session),
      onTyping: (typing) => this.#typing.heard(typing?.from),
      onGameUpdated: (game) => this.#game.setGame(game),
      onServerError: (text) => this.#composer.showError(text),
      onStateChange: (state) => this.#setState(navigator.onLine ? state : "offline"),
      onReconnected: () => this.#resume(),
    });

    this.#refreshSession();
    try {
      await this.#connection.start();
    } catch {
      this.#setState(navigator.onLine ? "disconnected" : "offline");
      return;
    }
    await this.#joinAndCatchUp({ first: true });
  }

  async close() {
    const connection = this.#connection;
    this.#connection = null;
    this.#setState("closed");
    if (connection) {
      await connection.close().catch(() => undefined);
    }
  }

  focus() {
    this.#composer.focus();
  }

  /**
   * Joins (again) and fills the gap: a rejoin asks for what came after the last
   * seq held, and fetches the rest by REST when the join says more remains.
   */
  async #joinAndCatchUp({ first }) {
    const connection = this.#connection;
    const lastSeen = this.#store.lastSeq;
    let joined;
    try {
      joined = await connection.join(first ? undefined : lastSeen);
    } catch (error) {
      // A link that broke mid-join is the reconnect handlers' business; a refusal
      // over a live link is not going to change by itself.
      if (connection.isConnected) {
        this.#composer.showError(hubErrorText(error));
        this.#setState("disconnected");
      }
      return;
    }
    if (connection !== this.#connection) {
      return;
    }
    if (joined === null) {
      // The server said why through the `error` event; nothing joined. The usual
      // reason after a long absence: the disconnect grace ran out and took us out.
      await this.#removed();
      return;
    }

    this.#receive(joined.messages);
    if (joined.session) {
      this.#showSession(joined.session);
    }
    if (first) {
      this.#olderButton.hidden = joined.messages.length < HISTORY_PAGE;
      this.#messages.scrollToLatest();
    } else if (joined.complete === false) {
      await this.#catchUp(this.#store.lastSeq);
    }
    this.#setState("connected");
    await this.#resendUnacknowledged();
  }

  async #resume() {
    if (!this.#connection) {
      return;
    }
    this.#setState("connecting");
    await this.#joinAndCatchUp({ first: false });
    this.#refreshSession();
  }

  /** Fetches every message after `afterSeq`, page by page, through REST. */
  async #catchUp(afterSeq) {
    let cursor = afterSeq;
    for (;;) {
      let page;
      try {
        page = await api.messages(this.#room, { afterSeq: cursor, limit: CATCH_UP_PAGE });
      } catch {
        return;
      }
      const messages = page.messages ?? [];
      this.#receive(messages);
      if (messages.length < CATCH_UP_PAGE) {
        return;
      }
      cursor = messages[messages.length - 1].seq;
    }
  }

  async #loadOlder() {
    try {
      const page = await api.messages(this.#room, { beforeSeq: this.#store.firstSeq, limit: HISTORY_PAGE });
      const messages = page.messages ?? [];
      this.#messages.render(this.#store.add(messages), { older: true });
      this.#olderButton.hidden = messages.length < HISTORY_PAGE;
    } catch (error) {
      this.#composer.showError(error.message);
    }
  }

  #receive(messages) {
    const additions = this.#store.add(messages);
    this.#messages.render(additions);
    for (const { message } of additions) {
      if (message.kind === "system") {
        this.#players.noteSystemMessage(message);
      } else {
        this.#typing.spoke(message.from);
      }
    }
  }

  /**
   * A live message more than one past the last one held means one was missed (a
   * broadcast lost between servers, say): fetch the gap, once at a time.
   */
  async #receiveLive(message) {
    const gap = this.#store.isAfterAGap(message);
    const from = this.#store.lastSeq;
    this.#receive([message]);
    if (gap && !this.#fillingGap) {
      this.#fillingGap = true;
      try {
        await this.#catchUp(from);
      } finally {
        this.#fillingGap = false;
      }
    }
  }

  /**
   * Sends under a client id made for this line. If the link drops before the
   * answer, the line is kept and sent again with the same id once the room is
   * rejoined, so it is stored once whatever happened to the first try.
   */
  async #send(text) {
    if (!this.#connection) {
      return;
    }
    const line = { text, clientMsgId: newClientMsgId() };
    this.#unacknowledged.push(line);
    try {
      await this.#deliver(line);
    } catch (error) {
      if (this.#connection?.isConnected) {
        // A refusal over a live link: the line is not going to be stored.
        this.#forget(line);
        throw new Error(hubErrorText(error));
      }
      // The link dropped: the line goes again after the rejoin.
    }
  }

  async #deliver(line) {
    const stored = await this.#connection.send(line.text, line.clientMsgId);
    this.#forget(line);
    this.#receive([stored]);
  }

  #forget(line) {
    this.#unacknowledged = this.#unacknowledged.filter((l) => l !== line);
  }

  async #resendUnacknowledged() {
    for (const line of [...this.#unacknowledged]) {
      try {
        await this.#deliver(line);
      } catch (error) {
        if (this.#connection?.isConnected) {
          this.#forget(line);
          this.#composer.showError(hubErrorText(error));
        }
        return;
      }
    }
  }

  async #vote(suspect) {
    if (!this.#connection) {
      throw new Error("You are not connected to the room.");
    }
    try {
      this.#game.setGame(await this.#connection.vote(suspect));
    } catch (error) {
      throw new Error(hubErrorText(error));
    }
  }

  async #refreshSession() {
    try {
      const { pending_sessions: pending = [], active_sessions: active = [] } = await api.sessions();
      const all = [...pending, ...active];
      const key = this.#room.toLocaleLowerCase();
      const session = all.find((s) => s.room === this.#room) ?? all.find((s) => s.room.toLocaleLowerCase() === key);
      if (session) {
        this.#showSession(session);
      }
    } catch {
      // The session list is decoration here; the next session_updated brings it.
    }
  }

  #showSession(session) {
    if (session.room !== this.#room && session.room?.toLocaleLowerCase() !== this.#room.toLocaleLowerCase()) {
      return;
    }
    if (session.state === "inactive" || !session.players.includes(this.#username)) {
      this.#removed();
    }
    this.#players.setSession(session);
    if (session.game !== undefined) {
      this.#game.setPlayers(session.players);
      this.#game.setGame(session.game);
    }
    // max_players_allowed counts people; the robot, listed among the players like
    // anyone, takes no place. Said the same way before and after it sits down, so
    // the count tells nobody which player it is.
    const parts = [session.state];
    parts.push(
      session.robot
        ? `${plural(session.max_players_allowed, "person", "people")} and a robot`
        : `up to ${plural(session.max_players_allowed, "player")}`,
    );
    if (session.robot) {
      parts.push(`robot: ${session.robot}`);
    }
    this.#meta.textContent = parts.join(" · ");
  }

  #browserOffline() {
    if (this.#connection) {
      this.#setState("offline");
    }
  }

  /**
   * Back online. If the socket dropped, the automatic reconnect is already on it
   * and `onReconnected` resumes. Chromium can keep a WebSocket open across a short
   * offline spell while dropping what arrived meanwhile, so a connection that is
   * still up catches up through REST too; ids keep that from doubling anything.
   */
  async #browserOnline() {
    const connection = this.#connection;
    if (!connection) {
      return;
    }
    if (connection.isConnected) {
      await this.#catchUp(this.#store.lastSeq);
      this.#refreshSession();
      if (connection === this.#connection && connection.isConnected) {
        this.#setState("connected");
      }
    } else if (connection.isDisconnected) {
      this.#setState("connecting");
      try {
        await connection.start();
      } catch {
        this.#setState("disconnected");
        return;
      }
      await this.#resume();
    } else {
      this.#setState("reconnecting");
    }
  }

  /** Out of the session (left elsewhere, timed out, or ended): keep the log readable, stop the link. */
  async #removed() {
    const connection = this.#connection;
    if (!connection) {
      return;
    }
    this.#connection = null;
    this.#setState("removed");
    await connection.close().catch(() => undefined);
  }

  #setState(state) {
    this.#composer.setEnabled(state === "connected");
    const text = BANNERS[state];
    this.#banner.hidden = !text;
    this.#banner.dataset.state = state;
    if (!text) {
      this.#banner.replaceChildren();
      return;
    }
    this.#banner.replaceChildren(...[el("span", { text }), this.#bannerAction(state)].filter(Boolean));
  }

  #bannerAction(state) {
    const action = {
      disconnected: { text: "Reconnect", run: () => this.#browserOnline() },
      removed: { text: "Back to the lobby", run: () => this.#onLeft() },
    }[state];
    if (!action) {
      return null;
    }
    const button = el("button", { className: "button-secondary", text: action.text, attrs: { type: "button" } });
    button.addEventListener("click", action.run);
    return button;
  }

  async #leave() {
    try {
      await api.leave();
    } catch {
      // 409 "not in a session" still means the user is out; go back either way.
    }
    await this.close();
    this.#onLeft();
  }
}

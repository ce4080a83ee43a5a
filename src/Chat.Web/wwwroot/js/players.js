import { el } from "./dom.js";

const JOINED = /^(.+) has joined the room\.$/;
const LEFT = /^(.+) has left the room\.$/;

/**
 * The player list. Players and host come from the Session object (`players`,
 * `host`). The contract has no presence field yet, so "online" is best-effort:
 * a player counts as online once this page has seen their join notice arrive
 * (each hub `join` posts one), until a leave notice or until they drop out of
 * `players`. If the Session ever carries an `online` list, that is used instead.
 */
export class PlayerList {
  #list;
  #count;
  #session = null;
  #me = "";
  #seenOnline = new Set();

  constructor(list, count) {
    this.#list = list;
    this.#count = count;
  }

  reset(me) {
    this.#me = me;
    this.#session = null;
    this.#seenOnline = new Set([me]);
    this.#render();
  }

  setSession(session) {
    this.#session = session;
    const players = new Set(session?.players ?? []);
    for (const name of this.#seenOnline) {
      if (!players.has(name) && name !== this.#me) {
        this.#seenOnline.delete(name);
      }
    }
    this.#render();
  }

  /** Reads presence from a system notice that happened while this page was open. */
  noteSystemMessage(text) {
    const joined = JOINED.exec(text);
    const left = LEFT.exec(text);
    if (joined) {
      this.#seenOnline.add(joined[1]);
    } else if (left) {
      this.#seenOnline.delete(left[1]);
    } else {
      return;
    }
    this.#render();
  }

  #isOnline(name) {
    const online = this.#session?.online;
    return Array.isArray(online) ? online.includes(name) : this.#seenOnline.has(name);
  }

  #render() {
    const session = this.#session;
    const players = session?.players ?? [];
    this.#count.textContent = session ? `(${players.length})` : "";
    this.#list.replaceChildren(
      ...players.map((name) => {
        const online = this.#isOnline(name);
        return el(
          "li",
          { className: online ? "player player-online" : "player", attrs: { "data-player": name } },
          el("span", { className: "presence", attrs: { "aria-hidden": "true" } }),
          el("span", { className: "player-name", text: name }),
          name === session.host ? el("span", { className: "badge badge-host", text: "host" }) : null,
          name === this.#me ? el("span", { className: "badge", text: "you" }) : null,
          online ? el("span", { className: "visually-hidden", text: "online" }) : null,
        );
      }),
    );
  }
}

import { el } from "./dom.js";

const JOINED = /^(.+) has joined the room\.$/;
const LEFT = /^(.+) has left the room\.$/;

/**
 * The player list. Players and host come from the Session object (`players`,
 * `host`). The contract has no presence field, so "online" is a best guess from
 * the room's system notices: every hub `join` posts "<name> has joined the room."
 * and leaving posts "<name> has left the room.", so a player whose latest notice
 * this page has seen (history or live) is a join counts as online. A closed tab
 * posts nothing, so this can overstate; the page says so.
 */
export class PlayerList {
  #list;
  #count;
  #session = null;
  #me = "";
  #seenOnline = new Set();
  #latestNotice = new Map();

  constructor(list, count) {
    this.#list = list;
    this.#count = count;
  }

  reset(me) {
    this.#me = me;
    this.#session = null;
    this.#seenOnline = new Set([me]);
    this.#latestNotice = new Map();
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

  /** Reads presence from a join or leave notice; an older notice never overrides a newer one. */
  noteSystemMessage(message) {
    const joined = JOINED.exec(message.message);
    const left = LEFT.exec(message.message);
    const name = joined?.[1] ?? left?.[1];
    if (!name || (this.#latestNotice.get(name) ?? 0) > message.seq) {
      return;
    }
    this.#latestNotice.set(name, message.seq);
    if (joined) {
      this.#seenOnline.add(name);
    } else {
      this.#seenOnline.delete(name);
    }
    this.#render();
  }

  #isOnline(name) {
    return this.#seenOnline.has(name);
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

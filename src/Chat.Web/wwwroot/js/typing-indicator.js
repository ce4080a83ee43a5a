import { el } from "./dom.js";

// A signal comes at most once a second while someone types; one that is not
// renewed within this long means they stopped.
const SHOWN_FOR_MS = 3500;

/**
 * "alice is typing…" under the messages, from the room's `typing` events. Names
 * go away when their signal is not renewed or their message arrives. Text only:
 * a name is never parsed as markup.
 */
export class TypingIndicator {
  #element;
  #me = "";
  #typing = new Map();
  #timer = null;

  constructor(element) {
    this.#element = element;
  }

  reset(me) {
    this.#me = me;
    this.#typing.clear();
    this.#render();
  }

  /** Someone said they are typing (a `typing` event). */
  heard(name) {
    if (!name || name === this.#me) {
      return;
    }
    this.#typing.set(name, Date.now() + SHOWN_FOR_MS);
    this.#render();
  }

  /** Their message arrived: they are done typing it. */
  spoke(name) {
    if (this.#typing.delete(name)) {
      this.#render();
    }
  }

  #render() {
    const now = Date.now();
    for (const [name, until] of this.#typing) {
      if (until <= now) {
        this.#typing.delete(name);
      }
    }
    const names = [...this.#typing.keys()];
    this.#element.replaceChildren(...(names.length ? [el("span", { text: describe(names) })] : []));
    this.#element.hidden = names.length === 0;
    clearTimeout(this.#timer);
    if (names.length) {
      const next = Math.min(...this.#typing.values()) - now;
      this.#timer = setTimeout(() => this.#render(), Math.max(next, 50));
    }
  }
}

function describe(names) {
  if (names.length === 1) {
    return `${names[0]} is typing…`;
  }
  if (names.length === 2) {
    return `${names[0]} and ${names[1]} are typing…`;
  }
  return "Several people are typing…";
}

import { el, formatDateTime, formatTime } from "./dom.js";

// How close to the bottom (px) still counts as "reading the latest", so a
// rounding pixel or a half-visible line does not stop auto-scroll.
const STICKY_DISTANCE = 48;

/**
 * Renders a MessageStore's additions into the log. Follows new messages only
 * while the reader is at the bottom; a reader who has scrolled up keeps their
 * place and gets a "New messages" button instead.
 */
export class MessageList {
  #list;
  #jumpButton;
  #me = "";
  #nodes = new Map();

  constructor(list, jumpButton) {
    this.#list = list;
    this.#jumpButton = jumpButton;
    this.#list.addEventListener("scroll", () => {
      if (this.#isAtBottom()) {
        this.#jumpButton.hidden = true;
      }
    });
    this.#jumpButton.addEventListener("click", () => {
      this.scrollToLatest();
      this.#list.focus();
    });
  }

  reset(me) {
    this.#me = me;
    this.#nodes.clear();
    this.#list.replaceChildren();
    this.#jumpButton.hidden = true;
  }

  /** Shows additions from MessageStore.add; `older` keeps the view still while history is prepended. */
  render(additions, { older = false } = {}) {
    if (additions.length === 0) {
      return;
    }
    const wasAtBottom = this.#isAtBottom();
    const heightBefore = this.#list.scrollHeight;
    const topBefore = this.#list.scrollTop;

    for (const { message, before } of additions) {
      const node = this.#renderMessage(message);
      this.#nodes.set(message.id, node);
      const anchor = before ? this.#nodes.get(before.id) : null;
      this.#list.insertBefore(node, anchor ?? null);
    }

    if (older) {
      this.#list.scrollTop = topBefore + (this.#list.scrollHeight - heightBefore);
    } else if (wasAtBottom) {
      this.scrollToLatest();
    } else {
      this.#jumpButton.hidden = false;
    }
  }

  scrollToLatest() {
    this.#list.scrollTop = this.#list.scrollHeight;
    this.#jumpButton.hidden = true;
  }

  #isAtBottom() {
    const list = this.#list;
    return list.scrollHeight - list.scrollTop - list.clientHeight <= STICKY_DISTANCE;
  }

  #renderMessage(message) {
    const time = el("time", {
      className: "message-time",
      text: formatTime(message.timestamp),
      attrs: { datetime: message.timestamp ?? "", title: formatDateTime(message.timestamp) },
    });

    if (message.kind === "system") {
      return el(
        "li",
        { className: "message message-system", attrs: { "data-id": String(message.id), "data-kind": "system" } },
        el("span", { className: "message-text", text: message.message }),
        " ",
        time,
      );
    }

    const mine = message.from === this.#me;
    return el(
      "li",
      {
        className: mine ? "message message-chat message-mine" : "message message-chat",
        attrs: { "data-id": String(message.id), "data-kind": "chat" },
      },
      el(
        "div",
        { className: "message-head" },
        el("span", { className: "message-from", text: message.from }),
        mine ? el("span", { className: "badge", text: "you" }) : null,
        " ",
        time,
      ),
      el("p", { className: "message-text", text: message.message }),
    );
  }
}

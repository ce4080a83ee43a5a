// The message box: Enter sends, Shift+Enter starts a new line, a counter appears
// near the limit, and the whole thing is disabled while the room is offline.

export const MAX_MESSAGE_LENGTH = 2000;
// The server relays at most one typing signal a second per player; sending more is waste.
const TYPING_EVERY_MS = 1000;
// Show the counter from here on; below it the number is noise.
const COUNTER_FROM = 1800;

/** Counts Unicode scalar values, as the server does, so an emoji counts once. */
export function lengthOf(text) {
  let count = 0;
  for (const _ of text) {
    count++;
  }
  return count;
}

export class Composer {
  #form;
  #text;
  #send;
  #counter;
  #error;
  #onSend;
  #onTyping;
  #lastTyping = 0;
  // Matches the `disabled` the page starts with: nothing is sent before the room is joined.
  #enabled = false;
  #sending = false;
  #refocus = false;

  constructor(form, onSend, onTyping = () => undefined) {
    this.#form = form;
    this.#text = form.querySelector("textarea");
    this.#send = form.querySelector("button[type=submit]");
    this.#counter = form.querySelector(".counter");
    this.#error = form.querySelector(".field-error");
    this.#onSend = onSend;
    this.#onTyping = onTyping;

    this.#text.addEventListener("keydown", (event) => {
      // isComposing: Enter that confirms an IME candidate must not send.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#submit();
      }
    });
    this.#text.addEventListener("input", () => {
      this.#updateCounter();
      this.#typed();
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#submit();
    });
  }

  setEnabled(enabled) {
    // A disabled textarea drops focus; give it back when the room comes back.
    if (!enabled && document.activeElement === this.#text) {
      this.#refocus = true;
    }
    this.#enabled = enabled;
    this.#text.disabled = !enabled;
    this.#send.disabled = !enabled;
    if (enabled && this.#refocus) {
      this.#refocus = false;
      this.#text.focus();
    }
  }

  reset() {
    this.#text.value = "";
    this.#error.textContent = "";
    this.#updateCounter();
  }

  /** Focuses the box now, or as soon as it is enabled (a room opens before it is joined). */
  focus() {
    if (this.#enabled) {
      this.#text.focus();
    } else {
      this.#refocus = true;
    }
  }

  showError(text) {
    this.#error.textContent = text;
  }

  /** Tells the room, at most once a second, that something is being written. */
  #typed() {
    const now = Date.now();
    if (!this.#enabled || this.#text.value.trim() === "" || now - this.#lastTyping < TYPING_EVERY_MS) {
      return;
    }
    this.#lastTyping = now;
    this.#onTyping();
  }

  #updateCounter() {
    const length = lengthOf(this.#text.value);
    const over = length - MAX_MESSAGE_LENGTH;
    this.#counter.hidden = length < COUNTER_FROM;
    this.#counter.classList.toggle("counter-over", over > 0);
    this.#counter.textContent =
      over > 0
        ? `${length} / ${MAX_MESSAGE_LENGTH} characters: ${over} too many`
        : `${length} / ${MAX_MESSAGE_LENGTH} characters`;
  }

  async #submit() {
    if (!this.#enabled || this.#sending) {
      return;
    }
    const text = this.#text.value;
    if (text.trim() === "") {
      return;
    }
    if (lengthOf(text) > MAX_MESSAGE_LENGTH) {
      this.showError(`A message is at most ${MAX_MESSAGE_LENGTH} characters.`);
      return;
    }

    this.#sending = true;
    this.#error.textContent = "";
    try {
      await this.#onSend(text);
      // Clear only what was sent: the reader may have typed on while it was in flight.
      if (this.#text.value === text) {
        this.#text.value = "";
      } else if (this.#text.value.startsWith(text)) {
        this.#text.value = this.#text.value.slice(text.length);
      }
      this.#updateCounter();
    } catch (error) {
      this.showError(error instanceof Error ? error.message : String(error));
    } finally {
      this.#sending = false;
    }
  }
}

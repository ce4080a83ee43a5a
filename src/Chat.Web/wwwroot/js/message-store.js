// The messages of one room, kept in id order with each id once. Messages reach
// the page from three places that overlap: the `join` history, live `message`
// events and the `after_id` catch-up after a reconnect. Keying by id makes the
// order of arrival irrelevant, so nothing is lost or shown twice.

export class MessageStore {
  #byId = new Map();
  #ordered = [];

  get lastId() {
    return this.#ordered.length > 0 ? this.#ordered[this.#ordered.length - 1].id : 0;
  }

  get firstId() {
    return this.#ordered.length > 0 ? this.#ordered[0].id : 0;
  }

  /**
   * Adds the messages not seen yet. Returns each added message with the message
   * it must be shown before (null: at the end), so the view can insert in place.
   */
  add(messages) {
    const added = [];
    for (const message of messages) {
      if (typeof message?.id !== "number" || this.#byId.has(message.id)) {
        continue;
      }
      const index = this.#insertionIndex(message.id);
      this.#ordered.splice(index, 0, message);
      this.#byId.set(message.id, message);
      added.push({ message, before: this.#ordered[index + 1] ?? null });
    }
    return added;
  }

  clear() {
    this.#byId.clear();
    this.#ordered = [];
  }

  #insertionIndex(id) {
    // Almost every message is the newest, so look from the end.
    let index = this.#ordered.length;
    while (index > 0 && this.#ordered[index - 1].id > id) {
      index--;
    }
    return index;
  }
}

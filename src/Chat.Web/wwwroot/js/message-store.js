// The messages of one room, kept in seq order with each seq once. Messages reach
// the page from three places that overlap: the `join` history, live `message`
// events and the `after_seq` catch-up after a reconnect or a gap. Keying by seq
// (the message's place in its session, one more for each stored) makes the order
// of arrival irrelevant, so nothing is lost or shown twice, and a live message
// more than one past the last one held shows that something was missed.

export class MessageStore {
  #bySeq = new Map();
  #ordered = [];

  get lastSeq() {
    return this.#ordered.length > 0 ? this.#ordered[this.#ordered.length - 1].seq : 0;
  }

  get firstSeq() {
    return this.#ordered.length > 0 ? this.#ordered[0].seq : 0;
  }

  /** Whether `message` is more than one past the last message held: something came between. */
  isAfterAGap(message) {
    return typeof message?.seq === "number" && this.#ordered.length > 0 && message.seq > this.lastSeq + 1;
  }

  /**
   * Adds the messages not seen yet. Returns each added message with the message
   * it must be shown before (null: at the end), so the view can insert in place.
   */
  add(messages) {
    const added = [];
    for (const message of messages) {
      if (typeof message?.seq !== "number" || this.#bySeq.has(message.seq)) {
        continue;
      }
      const index = this.#insertionIndex(message.seq);
      this.#ordered.splice(index, 0, message);
      this.#bySeq.set(message.seq, message);
      added.push({ message, before: this.#ordered[index + 1] ?? null });
    }
    return added;
  }

  clear() {
    this.#bySeq.clear();
    this.#ordered = [];
  }

  #insertionIndex(seq) {
    // Almost every message is the newest, so look from the end.
    let index = this.#ordered.length;
    while (index > 0 && this.#ordered[index - 1].seq > seq) {
      index--;
    }
    return index;
  }
}

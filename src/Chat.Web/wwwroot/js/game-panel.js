import { el, plural } from "./dom.js";

const PHASES = {
  waiting: "Waiting for players",
  chat: "Chat: who is the robot?",
  vote: "Vote: who is the robot?",
  over: "Game over",
};

/**
 * The game of a robot session (the Session's `game`, then `game_updated`): a
 * phase banner with a live countdown to `ends_at`; during `vote`, a button for
 * each other player, the current choice pressed and changeable; how many have
 * voted; and, once `over`, the reveal, which stays on the page after the session
 * ends. Every name is set as text.
 */
export class GamePanel {
  #root;
  #onVote;
  #me = "";
  #players = [];
  #game = null;
  #choice = null;
  #busy = false;
  #error = "";
  #ticker = null;
  #phaseLine;
  #countdown;
  #votes;
  #body;
  #status;

  constructor(root, onVote) {
    this.#root = root;
    this.#onVote = onVote;
    this.#phaseLine = el("strong", { className: "game-phase" });
    this.#countdown = el("span", { className: "game-countdown", attrs: { "aria-live": "off" } });
    this.#votes = el("span", { className: "game-votes" });
    // Phase changes are announced; the ticking countdown is not.
    this.#status = el("p", { className: "visually-hidden", attrs: { role: "status" } });
    this.#body = el("div", { className: "game-body" });
    root.replaceChildren(
      el("div", { className: "game-banner" }, this.#phaseLine, this.#countdown, this.#votes),
      this.#status,
      this.#body,
    );
  }

  reset(me) {
    this.#me = me;
    this.#players = [];
    this.#game = null;
    this.#choice = null;
    this.#error = "";
    this.#root.hidden = true;
    this.#stopTicking();
  }

  setPlayers(players) {
    // After `over` the list is the reveal's; players who leave afterwards do not change it.
    if (this.#game?.phase !== "over") {
      this.#players = [...(players ?? [])];
      this.#render();
    }
  }

  setGame(game) {
    if (game === undefined) {
      return;
    }
    if (game === null) {
      // A session without a game, or one whose game is already shown as over.
      if (this.#game?.phase !== "over") {
        this.#game = null;
        this.#root.hidden = true;
        this.#stopTicking();
      }
      return;
    }
    const phaseChanged = this.#game?.phase !== game.phase;
    this.#game = game;
    if (game.phase !== "vote") {
      this.#error = "";
    }
    if (phaseChanged) {
      this.#status.textContent = PHASES[game.phase] ?? game.phase;
    }
    this.#render();
  }

  #render() {
    const game = this.#game;
    if (!game) {
      this.#root.hidden = true;
      return;
    }
    this.#root.hidden = false;
    this.#root.dataset.phase = game.phase;
    this.#phaseLine.textContent = PHASES[game.phase] ?? game.phase;
    this.#votes.textContent =
      game.phase === "vote" ? `${game.votes_cast} of ${plural(game.voters, "voter")} voted` : "";
    this.#tick();
    if (game.ends_at) {
      this.#startTicking();
    } else {
      this.#stopTicking();
    }

    if (game.phase === "vote") {
      this.#body.replaceChildren(this.#voteControls());
    } else if (game.phase === "over" && game.result) {
      this.#body.replaceChildren(this.#reveal(game.result));
    } else {
      this.#body.replaceChildren();
    }
  }

  #voteControls() {
    const others = this.#players.filter((name) => name !== this.#me);
    const list = el("ul", { className: "vote-list", attrs: { "aria-label": "Vote for the robot" } });
    for (const name of others) {
      const chosen = name === this.#choice;
      // A toggle keeps its name; aria-pressed and the badge say which one is chosen.
      const button = el("button", {
        className: chosen ? "vote-button vote-chosen" : "vote-button",
        text: `Vote ${name}`,
        attrs: { type: "button", "aria-pressed": String(chosen), "data-suspect": name },
      });
      button.disabled = this.#busy;
      button.addEventListener("click", () => this.#vote(name));
      list.append(el("li", {}, button, chosen ? el("span", { className: "badge", text: "your vote" }) : null));
    }
    return el(
      "div",
      {},
      el("p", { className: "hint", text: "Pick who you think is the robot. You can change your vote until time runs out." }),
      list,
      el("p", { className: "field-error", text: this.#error, attrs: { role: "alert" } }),
    );
  }

  async #vote(name) {
    if (this.#busy) {
      return;
    }
    this.#busy = true;
    this.#error = "";
    this.#render();
    try {
      await this.#onVote(name);
      this.#choice = name;
    } catch (error) {
      this.#error = error instanceof Error ? error.message : String(error);
    } finally {
      this.#busy = false;
      this.#render();
      this.#root.querySelector(`[data-suspect="${CSS.escape(name)}"]`)?.focus();
    }
  }

  #reveal(result) {
    const correct = new Set(result.correct ?? []);
    const verdict = result.robot_caught ? "The robot was caught." : "The robot got away.";
    const votes = Object.entries(result.votes ?? {}).map(([voter, suspect]) => {
      const right = suspect === result.robot;
      const line = `${voter} voted for ${suspect}`;
      return el(
        "li",
        { className: right ? "vote-right" : "vote-wrong", attrs: { "data-voter": voter } },
        el("span", { text: line }),
        el("span", { className: "badge", text: voter === result.robot ? "robot" : right ? "right" : "wrong" }),
      );
    });
    return el(
      "div",
      { className: "reveal" },
      el("p", { className: "reveal-robot" }, "The robot was ", el("strong", { text: result.robot }), `. ${verdict}`),
      votes.length ? el("ul", { className: "reveal-votes", attrs: { "aria-label": "Votes" } }, ...votes) : el("p", { text: "Nobody voted." }),
      el("p", {
        className: "reveal-correct",
        text: correct.size ? `Right: ${[...correct].join(", ")}` : "Nobody named the robot.",
      }),
    );
  }

  #tick() {
    const endsAt = this.#game?.ends_at ? Date.parse(this.#game.ends_at) : NaN;
    if (Number.isNaN(endsAt)) {
      this.#countdown.textContent = "";
      return;
    }
    const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
    const minutes = Math.floor(left / 60);
    const seconds = String(left % 60).padStart(2, "0");
    this.#countdown.textContent = `${minutes}:${seconds} left`;
  }

  #startTicking() {
    if (this.#ticker === null) {
      this.#ticker = setInterval(() => this.#tick(), 1000);
    }
  }

  #stopTicking() {
    clearInterval(this.#ticker);
    this.#ticker = null;
  }
}

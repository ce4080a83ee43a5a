import { api, ApiError } from "./api.js";
import { el } from "./dom.js";

/**
 * The lobby's stats card, from `GET /api/stats`: each model's judged-human rate
 * (how often people took it for one of them) and the players' table. Hidden on a
 * server that does not serve stats.
 */
export class StatsView {
  #card;
  #robots;
  #players;

  constructor(card) {
    this.#card = card;
    this.#robots = card.querySelector("#stats-robots");
    this.#players = card.querySelector("#stats-players");
  }

  async refresh() {
    let stats;
    try {
      stats = await api.stats();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        this.#card.hidden = true;
      }
      return;
    }
    this.#card.hidden = false;
    this.#robots.replaceChildren(
      table(
        ["Model", "Games", "Caught", "Judged human"],
        (stats.robots ?? []).map((r) => [r.model, r.games, r.caught, rate(r.judged_human_rate)]),
        "No finished games yet.",
      ),
    );
    this.#players.replaceChildren(
      table(
        ["Player", "Games", "Spotted the robot"],
        (stats.players ?? []).map((p) => [p.username, p.games, p.correct]),
        "Nobody has played yet.",
      ),
    );
  }
}

function rate(value) {
  return value === null || value === undefined ? "–" : `${Math.round(value * 100)}%`;
}

function table(headings, rows, empty) {
  if (rows.length === 0) {
    return el("p", { className: "hint", text: empty });
  }
  return el(
    "table",
    { className: "stats-table" },
    el("thead", {}, el("tr", {}, ...headings.map((h) => el("th", { text: h, attrs: { scope: "col" } })))),
    el("tbody", {}, ...rows.map((cells) => el("tr", {}, ...cells.map((c) => el("td", { text: String(c) }))))),
  );
}

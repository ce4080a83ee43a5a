import { api } from "./api.js";
import { $, el, plural } from "./dom.js";
import { clearErrors, setBusy, showErrors } from "./forms.js";
import { StatsView } from "./stats-view.js";

// The lobby has no push channel in the contract, so it polls while shown.
const POLL_MS = 3000;

/** The lobby: who is here, which sessions exist, and the host / join forms. */
export class LobbyView {
  #view = $("#lobby-view");
  #welcome = $("#lobby-welcome");
  #pending = $("#pending-sessions");
  #active = $("#active-sessions");
  #users = $("#lobby-users");
  #hostForm = $("#host-form");
  #joinForm = $("#join-form");
  #robotSelect = $("#host-robot");
  #stats = new StatsView($("#stats-card"));
  #timer = null;
  #drawn = new Map();
  #onEnterRoom;

  constructor({ onEnterRoom }) {
    this.#onEnterRoom = onEnterRoom;
    this.#hostForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#host();
    });
    this.#joinForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#joinByName();
    });
    $("#join-random").addEventListener("click", () => this.#joinRandom());
    $("#sessions-refresh").addEventListener("click", () => {
      this.refresh();
      this.#stats.refresh();
    });
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden && this.#timer !== null) {
        this.refresh();
      }
    });
  }

  get element() {
    return this.#view;
  }

  async show(welcome) {
    this.#welcome.textContent = welcome;
    clearErrors(this.#hostForm);
    clearErrors(this.#joinForm);
    this.#loadRobots();
    this.#stats.refresh();
    await this.refresh();
    this.stop();
    this.#timer = setInterval(() => {
      if (!document.hidden) {
        this.refresh();
      }
    }, POLL_MS);
  }

  stop() {
    if (this.#timer !== null) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
  }

  focus() {
    $("#host-room").focus();
  }

  async refresh() {
    try {
      const [sessions, users] = await Promise.all([api.sessions(), api.users()]);
      this.#renderSessions(this.#pending, sessions.pending_sessions ?? [], true);
      this.#renderSessions(this.#active, sessions.active_sessions ?? [], false);
      this.#renderUsers(users.users ?? []);
    } catch {
      // A missed poll is retried by the next one.
    }
  }

  async #loadRobots() {
    try {
      const { robots = [] } = await api.robots();
      const chosen = this.#robotSelect.value;
      this.#robotSelect.replaceChildren(
        el("option", { text: "No robot", attrs: { value: "" } }),
        ...robots.map((name) => el("option", { text: name, attrs: { value: name } })),
      );
      this.#robotSelect.value = robots.includes(chosen) ? chosen : "";
    } catch {
      // Without the list a host can still play without a robot.
    }
  }

  #renderSessions(list, sessions, joinable) {
    // The poll redraws only on change, and puts the focus back on the same room's
    // button, so a keyboard user is not thrown out of the list every few seconds.
    const signature = JSON.stringify(sessions);
    if (this.#drawn.get(list) === signature) {
      return;
    }
    this.#drawn.set(list, signature);
    const focusedRoom = list.contains(document.activeElement)
      ? document.activeElement.closest("[data-room]")?.dataset.room
      : undefined;
    this.#drawSessions(list, sessions, joinable);
    if (focusedRoom !== undefined) {
      const again = [...list.querySelectorAll("[data-room]")].find((item) => item.dataset.room === focusedRoom);
      (again?.querySelector("button") ?? list.closest("section")?.querySelector("h3"))?.focus();
    }
  }

  #drawSessions(list, sessions, joinable) {
    if (sessions.length === 0) {
      list.replaceChildren(el("li", { className: "empty", text: "None right now." }));
      return;
    }
    list.replaceChildren(
      ...sessions.map((session) => {
        // No arithmetic on `players`: whether the robot is among them is not said.
        // max_players_allowed counts people; said the same way whether or not the robot has sat down.
        const details = [
          `hosted by ${session.host}`,
          session.robot
            ? `${plural(session.max_players_allowed, "person", "people")} and a robot`
            : `up to ${plural(session.max_players_allowed, "player")}`,
        ];
        if (session.robot) {
          details.push(`robot: ${session.robot}`);
        }
        const join = joinable
          ? el("button", { className: "button-secondary", text: "Join", attrs: { type: "button", "aria-label": `Join ${session.room}` } })
          : null;
        join?.addEventListener("click", () => this.#submit(this.#joinForm, null, () => api.join(session.room)));
        return el(
          "li",
          { className: "session", attrs: { "data-room": session.room } },
          el(
            "div",
            { className: "session-text" },
            el("span", { className: "session-room", text: session.room }),
            el("span", { className: "session-details", text: details.join(" · ") }),
            el("span", { className: "session-players", text: session.players.join(", ") }),
          ),
          join,
        );
      }),
    );
  }

  #renderUsers(users) {
    const signature = JSON.stringify(users);
    if (this.#drawn.get(this.#users) === signature) {
      return;
    }
    this.#drawn.set(this.#users, signature);
    if (users.length === 0) {
      this.#users.replaceChildren(el("li", { className: "empty", text: "Nobody yet." }));
      return;
    }
    this.#users.replaceChildren(
      ...users.map((user) =>
        el(
          "li",
          { className: "user" },
          el("span", { text: user.username }),
          el("span", { className: `badge badge-${user.state}`, text: user.state === "active" ? "in a session" : "waiting" }),
        ),
      ),
    );
  }

  async #host() {
    const form = this.#hostForm;
    const data = new FormData(form);
    const rawMax = String(data.get("max_players_allowed") ?? "").trim();
    await this.#submit(form, "room", () =>
      api.host({
        room: String(data.get("room") ?? ""),
        // Left empty, the API's default applies; out of range, the API's rule gives the message.
        maxPlayers: rawMax === "" ? null : Number(rawMax),
        robot: String(data.get("robot") ?? ""),
      }),
    );
  }

  async #joinByName() {
    const form = this.#joinForm;
    const room = String(new FormData(form).get("room") ?? "");
    await this.#submit(form, "room", () => api.join(room));
  }

  /** Errors of a join at random, like those of a join from the list, go to the join form's alert. */
  async #joinRandom() {
    await this.#submit(this.#joinForm, null, () => api.joinRandom());
  }

  async #submit(form, fallbackField, call) {
    clearErrors(form);
    setBusy(form, true);
    try {
      const result = await call();
      form.reset();
      await this.#onEnterRoom(result.data.room);
    } catch (error) {
      // The form's alert announces itself; a field error takes the focus to where to retype.
      showErrors(form, error, fallbackField)?.focus();
    } finally {
      setBusy(form, false);
    }
  }
}

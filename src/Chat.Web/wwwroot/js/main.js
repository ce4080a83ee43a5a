import { api, ApiError } from "./api.js";
import { $ } from "./dom.js";
import { LobbyView } from "./lobby-view.js";
import { RegisterView } from "./register-view.js";
import { RoomView } from "./room-view.js";

// The page is three views over one document; the server's sign-in cookie is the
// only state that outlives a reload, so every start asks the API where we are.

const status = $("#app-status");
const userBar = $("#app-user");
const userName = $("#app-username");

const register = new RegisterView({ onRegistered: () => route() });
const lobby = new LobbyView({ onEnterRoom: (room) => showRoom(room) });
const room = new RoomView({ onLeft: () => route() });
const views = [register, lobby, room];

let username = "";

function activate(view) {
  for (const candidate of views) {
    candidate.element.hidden = candidate !== view;
  }
  if (view !== lobby) {
    lobby.stop();
  }
  status.textContent = "";
  view.focus();
}

function signedIn(name) {
  username = name;
  userName.textContent = name;
  userBar.hidden = !name;
}

async function showRoom(name) {
  activate(room);
  await room.open(name, username);
}

/** The User object carries only a session id; the session list has its room name. */
async function roomOf(sessionId) {
  try {
    const { pending_sessions: pending = [], active_sessions: active = [] } = await api.sessions();
    return [...pending, ...active].find((s) => s.id === sessionId)?.room ?? null;
  } catch {
    return null;
  }
}

/** Decides the view from the API: not signed in, in the lobby, or in a session. */
async function route() {
  let user;
  let welcome;
  try {
    const lobbyInfo = await api.lobby();
    user = lobbyInfo.data.user;
    welcome = lobbyInfo.message;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      await room.close();
      signedIn("");
      register.show();
      activate(register);
      return;
    }
    status.textContent = error.message;
    return;
  }

  signedIn(user.username);
  const roomName = user.session_id === null || user.session_id === undefined ? null : await roomOf(user.session_id);
  if (roomName !== null) {
    await showRoom(roomName);
    return;
  }
  await room.close();
  activate(lobby);
  await lobby.show(welcome);
}

$("#logout-button").addEventListener("click", async () => {
  // Close the hub first so the server ending it does not look like a lost connection.
  await room.close();
  try {
    await api.logout();
  } catch (error) {
    status.textContent = error.message;
  }
  await route();
});

route();

// The app: a hash router over three views (sessions, one session, system),
// the API key form and the error banner.
import { onAuthRequired, onConnectionState, setApiKey } from "./gql.js";
import { mountErrors } from "./errors.js";
import { sessionsView } from "./sessions.js";
import { sessionView } from "./session.js";
import { systemView } from "./system.js";

const main = document.getElementById("main");
mountErrors(document.getElementById("errors"));

let unmount = null;

function route() {
  if (unmount) unmount();
  unmount = null;
  main.replaceChildren();
  const hash = location.hash.replace(/^#/, "") || "/";
  const session = hash.match(/^\/sessions\/([0-9a-f]{24})$/);
  let nav = "sessions";
  if (session) {
    unmount = sessionView(main, session[1]);
  } else if (hash === "/system") {
    nav = "system";
    unmount = systemView(main);
  } else {
    unmount = sessionsView(main);
  }
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === nav) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

window.addEventListener("hashchange", route);

// The API key: asked for when the server answers UNAUTHENTICATED.
const auth = document.getElementById("auth");
onAuthRequired((err) => {
  document.getElementById("auth-reason").textContent = `${err.message} (${err.code})`;
  auth.hidden = false;
});
document.getElementById("auth-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const input = document.getElementById("api-key");
  setApiKey(input.value.trim());
  input.value = "";
  auth.hidden = true;
  route(); // reload the view's data with the key
});

const conn = document.getElementById("connection");
onConnectionState((state) => {
  conn.textContent = "Live updates: " + state;
  conn.dataset.state = state;
});

route();

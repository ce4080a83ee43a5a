import { api } from "./api.js";
import { $ } from "./dom.js";
import { clearErrors, setBusy, showErrors } from "./forms.js";

/** Picking a name: the API's validation messages show beside the field. */
export class RegisterView {
  #view = $("#register-view");
  #form = $("#register-form");
  #onRegistered;

  constructor({ onRegistered }) {
    this.#onRegistered = onRegistered;
    this.#form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.#register();
    });
  }

  get element() {
    return this.#view;
  }

  show() {
    clearErrors(this.#form);
  }

  focus() {
    $("#register-username").focus();
  }

  async #register() {
    const username = String(new FormData(this.#form).get("username") ?? "");
    clearErrors(this.#form);
    setBusy(this.#form, true);
    try {
      await api.register(username);
      this.#form.reset();
      await this.#onRegistered();
    } catch (error) {
      // A taken name comes without `errors`; it is still about the username field.
      showErrors(this.#form, error, "username")?.focus();
    } finally {
      setBusy(this.#form, false);
    }
  }
}

// Shows the API's validation messages beside the field the user typed in.
// An input is matched to an `errors` key by its `name` (the API's snake_case field),
// and its message goes to the element named by `<input id>-error`.

function fieldKey(key) {
  // Tolerate PascalCase or camelCase keys as well as the contract's snake_case.
  return key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

export function clearErrors(form) {
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
  for (const slot of form.querySelectorAll(".field-error, .form-error")) {
    slot.textContent = "";
  }
}

function errorSlotFor(input) {
  return input.id ? document.getElementById(`${input.id}-error`) : null;
}

function markInvalid(input, messages) {
  const slot = errorSlotFor(input);
  if (!slot) {
    return false;
  }
  slot.textContent = messages.join(" ");
  input.setAttribute("aria-invalid", "true");
  const describedBy = new Set((input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
  describedBy.add(slot.id);
  input.setAttribute("aria-describedby", [...describedBy].join(" "));
  return true;
}

/**
 * Puts an ApiError on the form: each validation message beside its field, anything
 * else in the form's alert. `fallbackField` names the field a field-less refusal is
 * about (a taken username, an unknown room), so it too shows where the user typed.
 * Returns the first invalid input so the caller can move focus there.
 */
export function showErrors(form, error, fallbackField) {
  clearErrors(form);
  const unplaced = [];
  let firstInvalid = null;

  const entries = Object.entries(error.errors ?? {});
  for (const [key, value] of entries) {
    const messages = Array.isArray(value) ? value.map(String) : [String(value)];
    const input = form.elements.namedItem(fieldKey(key));
    if (input instanceof HTMLElement && markInvalid(input, messages)) {
      firstInvalid ??= input;
    } else {
      unplaced.push(...messages);
    }
  }

  if (entries.length === 0) {
    const input = fallbackField ? form.elements.namedItem(fallbackField) : null;
    if (input instanceof HTMLElement && markInvalid(input, [error.message])) {
      firstInvalid = input;
    } else {
      unplaced.push(error.message);
    }
  }

  const alert = form.querySelector(".form-error");
  if (alert && unplaced.length > 0) {
    alert.textContent = unplaced.join(" ");
  }
  return firstInvalid;
}

/** Stops a second submit while the first is in flight; inputs stay enabled so focus stays put. */
export function setBusy(form, busy) {
  for (const button of form.querySelectorAll("button")) {
    button.disabled = busy;
  }
  form.setAttribute("aria-busy", String(busy));
}

// Small DOM helpers. User text only ever reaches the page through textContent,
// so a message like `<img src=x onerror=...>` is shown, never parsed.

export function $(selector, root = document) {
  const found = root.querySelector(selector);
  if (!found) {
    throw new Error(`Missing element ${selector}`);
  }
  return found;
}

export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  const { className, text, attrs } = options;
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  for (const [name, value] of Object.entries(attrs ?? {})) {
    node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child);
    }
  }
  return node;
}

export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ""
    : date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

export function formatDateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleString();
}

export function plural(count, word, many = `${word}s`) {
  return `${count} ${count === 1 ? word : many}`;
}

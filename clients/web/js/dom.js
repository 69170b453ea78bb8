// Building DOM nodes safely: text goes in with textContent (or text nodes), never as HTML.
// Nothing in the browser client uses innerHTML, insertAdjacentHTML or document.write.

/**
 * Creates an element.
 * props: { class, text, id, for, type, value, name, title, role, hidden, disabled, checked, selected, data: {}, aria: {}, attrs: {}, on: {event: fn} }
 * children: nodes, strings (inserted as text), arrays, or null/false (skipped).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    switch (key) {
      case "class": node.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value; break;
      case "text": node.textContent = String(value); break;
      case "for": node.htmlFor = value; break;
      case "value": node.value = value; break;
      case "checked": case "selected": case "disabled": case "hidden": case "required": case "multiple":
        node[key] = Boolean(value); break;
      case "data": for (const [k, v] of Object.entries(value)) node.dataset[k] = String(v); break;
      case "aria": for (const [k, v] of Object.entries(value)) node.setAttribute(`aria-${k}`, String(v)); break;
      case "on": for (const [k, fn] of Object.entries(value)) node.addEventListener(k, fn); break;
      case "attrs": for (const [k, v] of Object.entries(value)) setAttr(node, k, v); break;
      default: setAttr(node, key, value);
    }
  }
  append(node, children);
  return node;
}

function setAttr(node, name, value) {
  // Event handler attributes and javascript: URLs are never set from data.
  if (/^on/i.test(name)) throw new Error(`refusing to set ${name}`);
  if ((name === "href" || name === "src") && /^\s*javascript:/i.test(String(value))) throw new Error("refusing a javascript: URL");
  node.setAttribute(name, String(value));
}

/** Appends children: strings become text nodes. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces every child of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Sets a CSS custom property to a team colour, only if it is a plain hex colour. */
export function setColour(node, colour, property = "--team") {
  if (typeof colour === "string" && /^#[0-9a-fA-F]{3,8}$/.test(colour)) node.style.setProperty(property, colour);
}

/** Formats milliseconds as m:ss (or h:mm:ss). */
export function formatDuration(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export { time as formatTime } from "./i18n.js";

// Status lines whose words are a function (said again in a new language by resay()).
const sayings = new WeakMap();

/** Shows a message in a status region (role=status or role=alert). `message` may be a function returning the words:
 * then resay() says it again after a change of language. */
export function say(region, message, kind = "info") {
  if (!region) return;
  if (typeof message === "function") { sayings.set(region, message); region.dataset.resay = ""; }
  else { sayings.delete(region); delete region.dataset.resay; }
  region.textContent = (typeof message === "function" ? message() : message) || "";
  region.dataset.kind = kind;
}

/** Says every status line that was given its words as a function again (in the page's new language). */
export function resay(root = document) {
  for (const region of root.querySelectorAll("[data-resay]")) {
    const words = sayings.get(region);
    if (words) region.textContent = words() || "";
  }
}

// Pickers for an action's parameters (numbers, teams, projects), as the server describes them.

import { el } from "./dom.js";
import { t } from "./i18n.js";

/** Controls for every parameter of `action`; `prefix` makes the ids unique; `values` pre-fills them. */
export function paramPickers(action, prefix, values = {}) {
  return (action.params || []).map((p) => {
    const id = `${prefix}-${p.id}`;
    const label = el("label", { for: id, text: paramLabel(action, p) });
    let control;
    if (Array.isArray(p.choices) && p.choices.length) {
      control = el("select", { id, data: { param: p.id, type: p.type } }, p.choices.map((c) => el("option", { value: c.id, text: c.name })));
      if (values[p.id] !== undefined) control.value = values[p.id];
    } else if (p.type === "number") {
      control = el("input", { id, type: "number", inputmode: "numeric", step: "1", min: p.min, max: p.max, data: { param: p.id, type: p.type },
        value: values[p.id] !== undefined ? values[p.id] : (p.min !== undefined ? p.min : 0) });
    } else {
      control = el("input", { id, data: { param: p.id, type: p.type }, value: values[p.id] || "" });
    }
    const range = p.type === "number" && (p.min !== undefined || p.max !== undefined) ? el("span", { class: "hint", text: `${p.min ?? ""}–${p.max ?? ""}` }) : null;
    // Where checkParams says what is wrong with this field, beside it (and read out: the field describes itself by it).
    const error = el("p", { class: "param-error", id: `${id}-error`, role: "alert" });
    if (p.type === "number") {
      control.dataset.label = paramLabel(action, p);
      if (p.min !== undefined) control.dataset.min = String(p.min);
      if (p.max !== undefined) control.dataset.max = String(p.max);
      control.addEventListener("input", () => clearParamError(control));
    }
    return el("div", { class: "param" }, label, control, range, error);
  });
}


/** A parameter's label in words: the scenario's own (in the reader's language) when it has one; else by its kind,
 * with its name only when the action has two of that kind. */
export function paramLabel(action, p) {
  if (p.label) return p.label;
  const twins = (action.params || []).filter((q) => q.type === p.type).length > 1;
  const base = ["team", "project", "number"].includes(p.type) ? t(`param.${p.type}`) : t("param.choose");
  return twins ? `${base} (${p.id.replace(/_/g, " ")})` : base;
}

/** What is wrong with a number picker's value, in words naming its label and range ("" when it is a whole number in
 * its range). */
function numberProblem(control) {
  const { label, min, max } = control.dataset;
  return rangeProblem(label, min, max, control.value);
}

/** What is wrong with `raw` (a field's text) as a whole number from `min` to `max` (either may be undefined: no
 * bound), in words naming the field's `label` and its range; "" when it is fine. Shared with the console's
 * adjustment form. */
export function rangeProblem(label, min, max, raw) {
  const text = String(raw ?? "").trim();
  const n = Number(text);
  const lo = min === undefined ? -Infinity : Number(min), hi = max === undefined ? Infinity : Number(max);
  if (text !== "" && Number.isInteger(n) && n >= lo && n <= hi) return "";
  const value = text || "—";
  if (min !== undefined && max !== undefined) return t("param.range_both", { label, min: lo, max: hi, value });
  if (min !== undefined) return t("param.range_min", { label, min: lo, value });
  if (max !== undefined) return t("param.range_max", { label, max: hi, value });
  return t("param.whole_number", { label, value });
}

function clearParamError(control) {
  const box = document.getElementById(`${control.id}-error`);
  if (box) box.textContent = "";
  control.removeAttribute("aria-invalid");
  control.removeAttribute("aria-describedby");
}

/**
 * Checks the number pickers under `root` against their min and max before anything is sent: each wrong one gets its
 * message beside it (and aria-invalid); the first is scrolled into view and focused, so that a phone shows it too.
 * Returns true when every value is fine.
 */
export function checkParams(root) {
  let first = null;
  for (const control of root.querySelectorAll("input[data-param][data-type=number]")) {
    const problem = numberProblem(control);
    const box = document.getElementById(`${control.id}-error`);
    if (!problem) { clearParamError(control); continue; }
    if (box) box.textContent = problem;
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", `${control.id}-error`);
    first ??= control;
  }
  if (first) {
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  }
  return first === null;
}

/** Reads the values of the pickers under `root`: integers for numbers, ids otherwise. */
export function readParams(root) {
  const params = {};
  for (const control of root.querySelectorAll("[data-param]")) {
    const v = control.value;
    if (control.dataset.type === "number") {
      const n = Number(v);
      params[control.dataset.param] = Number.isFinite(n) ? Math.trunc(n) : v;
    } else if (v !== "") params[control.dataset.param] = v;
  }
  return params;
}

/** Remembers what was typed in pickers between renders: action id → params. */
export function rememberParams(root, store) {
  for (const box of root.querySelectorAll("[data-params-for]")) store.set(box.dataset.paramsFor, readParams(box));
}

// components/unitPicker.ts — choose an administrative unit by typing its name, with or without
// diacritics ("lao cai" finds Lào Cai). An accessible combobox over GET /api/v1/places/search:
// arrow keys move, Enter chooses, Escape closes. Shows the chosen unit's parents as links so a
// user can climb back up (commune → province → toàn quốc). The chosen unit's name stays in the
// box. A picker may be limited to a territory (an officer's own province) and to the units in
// force on a day (old units before 01/07/2025, today's from then). Old units found by a picker
// that takes only today's say where they went, and choosing one opens today's unit.
import { searchPlaces, place, type Place } from "../api";
import { debounce, h, uid } from "../dom";
import { date } from "../format";
import { errorText } from "./ui";

export interface UnitPicker {
  el: HTMLElement;
  set(id: string): Promise<void>;
  value(): Place | null;
}

const levelName = (p: Place) => (p.level === 0 ? "Toàn quốc" : p.type || "");

export function describe(p: Place): string {
  if (p.level === 0) return "Toàn quốc";
  return p.full_name || p.name;
}

// "Đơn vị cũ (trước 01/07/2025), nay thuộc Tỉnh Lào Cai; một phần vào Xã A"
export function whereItWent(p: Place): string {
  const parts = (p.also_part_of ?? []).map((a) => a.full_name);
  return (
    "Đơn vị cũ (trước 01/07/2025)" +
    (p.part_of_today ? ", nay thuộc " + p.part_of_today.full_name : "") +
    (parts.length ? "; một phần vào " + parts.join(", ") : "")
  );
}

export interface PickerOptions {
  label?: string;
  onChange: (p: Place) => void;
  // Old units may be chosen as such (an activity of 2022); else choosing one opens today's unit.
  allowOld?: boolean;
  // The territory searched (an officer's own unit); all the country when it gives "VN" or nothing.
  within?: () => string | undefined;
  // ISO day whose units are offered; unset offers both eras.
  on?: () => string | undefined;
}

export function unitPicker(opts: PickerOptions): UnitPicker {
  const id = uid("unit");
  const listId = id + "-list";
  let current: Place | null = null;
  let results: Place[] = [];
  let active = -1;

  const input = h("input", {
    id,
    type: "search",
    role: "combobox",
    autocomplete: "off",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    placeholder: "Gõ tên tỉnh, xã (có dấu hoặc không dấu)…",
    "data-testid": "unit-search",
  });
  const list = h("ul", { id: listId, role: "listbox", class: "combo-list", hidden: true });
  const crumbs = h("div", { class: "unit-crumbs", "aria-live": "polite" });
  const status = h("div", { class: "sr-only", "aria-live": "polite" });
  const problem = h("div", { class: "field-error", role: "alert", "data-testid": "unit-problem", hidden: true });

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(i: number) {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) {
      input.setAttribute("aria-activedescendant", `${listId}-${i}`);
      (list.children[i] as HTMLElement).scrollIntoView({ block: "nearest" });
    }
  }

  function show() {
    list.replaceChildren(
      ...results.map((p, i) =>
        h(
          "li",
          {
            id: `${listId}-${i}`,
            role: "option",
            "aria-selected": "false",
            "data-id": p.id,
            onmousedown: (e: Event) => {
              e.preventDefault();
              void choose(p);
            },
          },
          h("strong", null, p.full_name || p.name),
          h("span", { class: "small muted" }, p.era === "old" ? whereItWent(p) : levelName(p)),
        ),
      ),
    );
    if (!results.length) list.append(h("li", { class: "muted", role: "option", "aria-disabled": "true" }, "Không tìm thấy đơn vị phù hợp" + limits()));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    status.textContent = results.length ? `${results.length} kết quả` : "Không có kết quả";
  }

  // What the search was limited to, for an empty answer: " trong địa bàn của bạn, có hiệu lực vào ngày 05/01/2026".
  function limits(): string {
    const within = opts.within?.();
    const on = opts.on?.();
    return (within && within !== "VN" ? " trong địa bàn của bạn" : "") + (on ? `, có hiệu lực vào ngày ${date(on)}` : "");
  }

  const lookup = debounce(async (q: string) => {
    if (q.trim().length < 2) return close();
    try {
      const within = opts.within?.();
      const found = await searchPlaces(q.trim(), 12, { within: within === "VN" ? undefined : within, on: opts.on?.() });
      if (input.value !== q) return; // a newer keystroke is on its way
      results = found;
      problem.hidden = true;
      show();
    } catch (e) {
      results = [];
      close();
      problem.hidden = false;
      problem.textContent = "Không tìm được đơn vị: " + errorText(e);
    }
  }, 180);

  input.addEventListener("input", () => lookup(input.value));
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && results.length) {
      e.preventDefault();
      if (list.hidden) show();
      highlight(Math.min(active + 1, results.length - 1));
    } else if (e.key === "ArrowUp" && results.length) {
      e.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (e.key === "Enter") {
      if (!list.hidden && results.length) {
        e.preventDefault();
        void choose(results[Math.max(active, 0)]);
      }
    } else if (e.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 120));
  // The chosen unit's name is in the box: typing replaces it whole.
  input.addEventListener("focus", () => input.select());

  async function choose(p: Place) {
    close();
    await load(p.era === "old" && !opts.allowOld && p.part_of_today ? p.part_of_today.id : p.id);
    if (current) opts.onChange(current);
  }

  async function load(unitId: string) {
    current = await place(unitId);
    input.value = describe(current);
    const chain = [...(current.ancestors ?? [])].reverse();
    crumbs.replaceChildren(
      h("span", { class: "muted" }, "Đang xem:"),
      ...chain.flatMap((a) => [
        h("button", { type: "button", class: "link", onclick: () => void choose(a) }, describe(a)),
        h("span", { "aria-hidden": "true" }, "›"),
      ]),
      h("strong", { "data-testid": "unit-current" }, describe(current)),
    );
  }

  const el = h("div", { class: "field" }, h("label", { for: id }, opts.label ?? "Đơn vị"), h("div", { class: "combo" }, input, list), status, problem, crumbs);

  return {
    el,
    set: load,
    value: () => current,
  };
}

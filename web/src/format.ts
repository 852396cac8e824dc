// format.ts — Vietnamese formatting of what users read: numbers (144.000), percentages (91,01%),
// dates (dd/mm/yyyy) and signed changes (percent, or percentage points for rates). Every page formats through here so one style holds.

const intFmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const decFmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const pctFmt = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return Number.isInteger(v) ? intFmt.format(v) : decFmt.format(v);
}

// A ratio given as a percentage value (91.01 → "91,01%").
export function pct(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return pctFmt.format(v) + "%";
}

function signed(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const s = pctFmt.format(Math.abs(v)) + unit;
  return v > 0 ? "+" + s : v < 0 ? "−" + s : s;
}

// A change in percent with its sign: "+12,50%", "−3,00%".
export function signedPct(v: number | null | undefined): string {
  return signed(v, "%");
}

// A rate's change is a difference of percentages, said in points as the server words it:
// "+0,55 điểm phần trăm" (never "+0,55%", which would be a relative change).
export function signedPoints(v: number | null | undefined): string {
  return signed(v, " điểm phần trăm");
}

export function signedNum(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  const s = num(Math.abs(v));
  return v > 0 ? "+" + s : v < 0 ? "−" + s : s;
}

// ISO "2022-10-05" (or a Date) → "05/10/2022". Anything else is shown as it is.
export function date(v: string | Date | null | undefined): string {
  if (!v) return "—";
  if (v instanceof Date) {
    const p = (n: number) => String(n).padStart(2, "0");
    return `${p(v.getDate())}/${p(v.getMonth() + 1)}/${v.getFullYear()}`;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : v;
}

// "dd/mm/yyyy" typed by a user → ISO, or null when it is not a real date.
export function parseViDate(s: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s);
  if (!m) return /^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? s.trim() : null;
  const d = +m[1],
    mo = +m[2],
    y = +m[3];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// Folds Vietnamese text for matching typed searches without diacritics ("Lào Cai" ~ "lao cai").
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

// Seconds since 1970 → "07/12/2026 09:30" in the user's time; 0 (not recorded) → "".
export function dateTime(seconds: number): string {
  if (!seconds) return "";
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date(d)} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

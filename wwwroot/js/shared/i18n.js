// The language machinery and formatting: the UI language, t()/tPlural() over the catalogue, and numbers, dates and
// quarters in the UI locale. The texts themselves live beside each page (shared/messages.js, map/messages.js, …) and
// are added with addMessages(). Plain ES module: no globals. Other modules subscribe with onLanguageChange().

export const LANGUAGES = Object.freeze(["kk", "ru", "en"]);

/** BCP 47 locale used for Intl formatting in each UI language. */
export const LOCALES = Object.freeze({ kk: "kk-KZ", ru: "ru-KZ", en: "en-GB" });

/** Native language names, shown on the switcher buttons in every UI language. */
export const LANGUAGE_NAMES = Object.freeze({ kk: "Қазақша", ru: "Русский", en: "English" });

const STORAGE_KEY = "riskmap.lang";

/** The catalogue per language, filled by the messages modules. */
const MESSAGES = { kk: {}, ru: {}, en: {} };

let current = "en";
const listeners = new Set();

/** Returns a supported language code for a tag such as "ru-RU" or "kk", or null. */
export function normalizeLanguage(tag) {
  if (typeof tag !== "string") return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(primary) ? primary : null;
}

function readStored() {
  try {
    return normalizeLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame)
  }
}

function writeStored(lang) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembering the choice is acceptable.
  }
}

/** Language for this page load: ?lang= first, then the remembered choice, then the browser's language. */
export function detectLanguage() {
  const fromUrl = normalizeLanguage(new URLSearchParams(window.location.search).get("lang"));
  if (fromUrl) return fromUrl;
  const stored = readStored();
  if (stored) return stored;
  return normalizeLanguage(navigator.language) ?? "en";
}

export function getLanguage() {
  return current;
}

export function getLocale(lang = current) {
  return LOCALES[lang] ?? LOCALES.en;
}

/** Translates a key, replacing {name} placeholders from params. Falls back to English, then to the key. */
export function t(key, params = {}) {
  const template = MESSAGES[current]?.[key] ?? MESSAGES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/**
 * Switches the UI language. With remember = true (a user's choice) it is stored in localStorage
 * and an existing ?lang= in the address is updated so that a reload keeps the choice.
 */
export function setLanguage(lang, { remember = false } = {}) {
  const next = normalizeLanguage(lang) ?? "en";
  if (remember) {
    writeStored(next);
    const url = new URL(window.location.href);
    if (url.searchParams.has("lang")) {
      url.searchParams.set("lang", next);
      window.history.replaceState(window.history.state, "", url);
    }
  }
  const changed = next !== current;
  current = next;
  document.documentElement.lang = next;
  if (changed || remember) {
    for (const listener of listeners) listener(next);
  }
  return next;
}

/**
 * Adds the messages of a page or feature kept in its own module ({ kk: {...}, ru: {...}, en: {...} }), so that each
 * page's text lives beside its code. A key already defined is a mistake and throws.
 */
export function addMessages(messages) {
  for (const lang of LANGUAGES) {
    for (const [key, text] of Object.entries(messages[lang] ?? {})) {
      if (key in MESSAGES[lang]) throw new Error(`Message ${key} is defined twice`);
      MESSAGES[lang][key] = text;
    }
  }
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Localized name from a feature's name_kk / name_ru / name_en properties. */
export function localizedName(props, lang = current) {
  if (!props) return "";
  const order = [lang, "ru", "en", "kk"];
  for (const code of order) {
    const value = props[`name_${code}`];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return props.kato != null ? String(props.kato) : "";
}

/**
 * Number formatting locales to try per language, with the decimal separator each should produce.
 * Kazakh conventions match Russian (space grouping, decimal comma). Some browser builds (e.g. Debian's
 * Chromium) accept "kk-KZ" but ship no Kazakh ICU data and format it like English, so probe the
 * output and fall back to ru-KZ there.
 */
const FORMAT_CANDIDATES = Object.freeze({
  kk: { decimal: ",", tags: ["kk-KZ", "ru-KZ", "ru"] },
  ru: { decimal: ",", tags: ["ru-KZ", "ru"] },
  en: { decimal: ".", tags: ["en-GB", "en"] },
});
const formatLocales = new Map();

function decimalSeparator(tag) {
  try {
    const part = new Intl.NumberFormat(tag).formatToParts(1234.5).find((p) => p.type === "decimal");
    return part ? part.value : null;
  } catch {
    return null;
  }
}

function formatLocale(lang = current) {
  let locale = formatLocales.get(lang);
  if (!locale) {
    const candidates = FORMAT_CANDIDATES[lang];
    locale = candidates?.tags.find((tag) => decimalSeparator(tag) === candidates.decimal) ?? getLocale(lang);
    formatLocales.set(lang, locale);
  }
  return locale;
}

const numberFormats = new Map();

/** Formats a number in the current UI locale; options are Intl.NumberFormat options. */
export function formatNumber(value, options = {}) {
  const locale = formatLocale();
  const cacheKey = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(cacheKey, format);
  }
  return format.format(value);
}

/** A quarter such as "2025Q4" in the UI language, e.g. "Q4 2025"; other text as it is. */
export function formatQuarter(period) {
  const match = /^(\d{4})Q([1-4])$/.exec(period ?? "");
  if (!match) return period ?? "";
  return t("period.quarter", { year: formatNumber(Number(match[1]), { useGrouping: false }), q: formatNumber(Number(match[2])) });
}

/** A score on the 0–10 scale with one decimal. */
export function formatScore(value) {
  return formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/**
 * A change of a score with its sign ("+0.4", "−1.2"), with one decimal or the given number; a dash for none. The sign
 * is that of the value as shown, so a change that rounds to zero reads "0.0", never "−0.0" or "+0.0".
 */
export function formatChange(value, digits = 1) {
  if (typeof value !== "number" || !Number.isFinite(value)) return "—";
  const shown = Number(Math.abs(value).toFixed(digits));
  const text = formatNumber(shown, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (shown === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/** Area in km² with a precision that suits the size (small city districts keep one decimal). */
export function formatArea(km2) {
  if (typeof km2 !== "number" || !Number.isFinite(km2)) return "—";
  const digits = km2 < 100 ? 1 : 0;
  return `${formatNumber(km2, { maximumFractionDigits: digits })} ${t("unit.km2")}`;
}

/**
 * Translates a count-dependent key: "{key}.{one|few|many|other}" by the plural rules of the UI language,
 * falling back to "{key}.other". The count is passed to the template as {n}, formatted.
 */
export function tPlural(key, count, params = {}) {
  let category = "other";
  try {
    category = new Intl.PluralRules(getLocale()).select(count);
  } catch {
    // Unknown locale data: "other" reads acceptably in every language here.
  }
  const withCategory = `${key}.${category}`;
  const known = MESSAGES[current]?.[withCategory] !== undefined;
  return t(known ? withCategory : `${key}.other`, { n: formatNumber(count), ...params });
}

const dateFormats = new Map();

function dateFormat(options) {
  const locale = formatLocale();
  const cacheKey = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(cacheKey, format);
  }
  return format;
}

function toDate(value) {
  if (value == null || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Date and time in the user's time zone and the UI locale (with the same Kazakh fallback as numbers). The date
 * is numeric so that a fallback locale never puts Russian month names into a Kazakh page. withZone adds the
 * short time zone name (e.g. "GMT+5"); timeZone (an IANA name) shows the time there instead.
 */
export function formatDateTime(value, { withZone = false, timeZone } = {}) {
  const date = toDate(value);
  if (!date) return "—";
  return dateFormat({
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    ...(withZone ? { timeZoneName: "short" } : {}),
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** A calendar date such as "2025-06-30" in the UI locale (numeric, like formatDateTime), whatever the time zone. */
export function formatDate(value) {
  const date = toDate(value);
  if (!date) return "—";
  return dateFormat({ year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }).format(date);
}

/** Time of day with seconds in the user's time zone and the UI locale. */
export function formatTime(value) {
  const date = toDate(value);
  if (!date) return "—";
  return dateFormat({ hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(date);
}

/** A duration in seconds as "2.5 s", "4 min 10 s" or "1 h 5 min" in the UI language. */
export function formatDuration(seconds) {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) return "—";
  if (seconds < 60) {
    return t("unit.seconds", { n: formatNumber(seconds, { maximumFractionDigits: seconds < 10 ? 1 : 0 }) });
  }
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const parts = [];
  if (hours > 0) parts.push(t("unit.hours", { n: formatNumber(hours) }));
  if (minutes > 0) parts.push(t("unit.minutes", { n: formatNumber(minutes) }));
  if (secs > 0 && hours === 0) parts.push(t("unit.seconds", { n: formatNumber(secs) }));
  return parts.join(" ");
}

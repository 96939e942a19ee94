// User-facing text in Kazakh, Russian and English, and the language state.
// Plain ES module: no globals. Other modules subscribe with onLanguageChange().

export const LANGUAGES = Object.freeze(["kk", "ru", "en"]);

/** BCP 47 locale used for Intl formatting in each UI language. */
export const LOCALES = Object.freeze({ kk: "kk-KZ", ru: "ru-KZ", en: "en-GB" });

/** Native language names, shown on the switcher buttons in every UI language. */
export const LANGUAGE_NAMES = Object.freeze({ kk: "Қазақша", ru: "Русский", en: "English" });

const STORAGE_KEY = "riskmap.lang";

const MESSAGES = {
  kk: {
    "doc.title": "RiskMap — тәуекелдер картасы",
    "app.subtitle": "Қазақстандағы балаларды қорғау саласындағы тәуекел индикаторларының картасы",
    "lang.label": "Тіл",
    "map.label": "Қазақстан картасы: өңірлер мен аудандардың шекаралары",
    "map.zoomIn": "Үлкейту",
    "map.zoomOut": "Кішірейту",
    "demo.title": "Демо режимі.",
    "demo.text": "Мектептердің орналасуы мен индикаторлардың мәндері — синтетикалық демо деректер, нақты статистика емес.",
    "status.loading": "Карта деректері жүктелуде…",
    "status.drawn": "Өңірлер: {regions} · Аудандар: {districts}",
    "status.failed": "Карта деректері жүктелмеді.",
    "error.load": "Карта деректерін жүктеу мүмкін болмады. Кейінірек қайталап көріңіз.",
    "error.retry": "Қайталау",
    "tooltip.region": "Өңір",
    "tooltip.kato": "ӘАОЖ коды",
    "tooltip.area": "Аумағы",
    "unit.km2": "км²",
  },
  ru: {
    "doc.title": "RiskMap — карта рисков",
    "app.subtitle": "Карта индикаторов рисков в сфере защиты детей в Казахстане",
    "lang.label": "Язык",
    "map.label": "Карта Казахстана: границы регионов и районов",
    "map.zoomIn": "Приблизить",
    "map.zoomOut": "Отдалить",
    "demo.title": "Демонстрационный режим.",
    "demo.text": "Расположение школ и значения индикаторов — синтетические демонстрационные данные, а не реальная статистика.",
    "status.loading": "Загрузка данных карты…",
    "status.drawn": "Регионы: {regions} · Районы: {districts}",
    "status.failed": "Данные карты не загружены.",
    "error.load": "Не удалось загрузить данные карты. Попробуйте ещё раз позже.",
    "error.retry": "Повторить",
    "tooltip.region": "Регион",
    "tooltip.kato": "Код КАТО",
    "tooltip.area": "Площадь",
    "unit.km2": "км²",
  },
  en: {
    "doc.title": "RiskMap — risk map",
    "app.subtitle": "Map of child-protection risk indicators in Kazakhstan",
    "lang.label": "Language",
    "map.label": "Map of Kazakhstan: region and district boundaries",
    "map.zoomIn": "Zoom in",
    "map.zoomOut": "Zoom out",
    "demo.title": "Demo mode.",
    "demo.text": "School locations and indicator values are synthetic demo data, not real statistics.",
    "status.loading": "Loading map data…",
    "status.drawn": "Regions: {regions} · Districts: {districts}",
    "status.failed": "Map data not loaded.",
    "error.load": "Could not load the map data. Please try again later.",
    "error.retry": "Try again",
    "tooltip.region": "Region",
    "tooltip.kato": "KATO code",
    "tooltip.area": "Area",
    "unit.km2": "km²",
  },
};

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

/** Area in km² with a precision that suits the size (small city districts keep one decimal). */
export function formatArea(km2) {
  if (typeof km2 !== "number" || !Number.isFinite(km2)) return "—";
  const digits = km2 < 100 ? 1 : 0;
  return `${formatNumber(km2, { maximumFractionDigits: digits })} ${t("unit.km2")}`;
}

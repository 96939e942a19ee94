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
    "tooltip.class": "Тәуекел класы",
    "controls.label": "Карта көрінісі",
    "controls.period": "Кезең",
    "controls.measure": "Немен бояу",
    "controls.classes": "Сыныптау",
    "measure.composite": "Жиынтық тәуекел бағасы",
    "measure.domains": "Салалар",
    "measure.indicators": "Индикаторлар",
    "measure.domain": "Сала: {name}",
    "measure.indicator": "Индикатор: {name}",
    "classes.fixed": "Тұрақты шектер",
    "classes.quantile": "Квинтильдер (тең топтар)",
    "period.quarter": "{year} ж. {q}-тоқсан",
    "legend.label": "Шартты белгілер",
    "legend.period": "Кезең: {period}",
    "legend.classes": "Сыныптау: {classes}",
    "legend.noScores": "Тәуекел бағалары әлі жарияланбаған.",
    "class.1": "Өте төмен",
    "class.2": "Төмен",
    "class.3": "Орташа",
    "class.4": "Жоғары",
    "class.5": "Өте жоғары",
    "class.none": "Деректер жоқ",
    "class.lowReliability": "Сенімділігі төмен (үзік шекара)",
    "nav.label": "Беттер",
    "nav.map": "Карта",
    "nav.jobs": "Есептеулер",
    "unit.seconds": "{n} с",
    "unit.minutes": "{n} мин",
    "unit.hours": "{n} сағ",
    "error.loadJobs": "Есептеулер күйін жүктеу мүмкін болмады. Кейінірек қайталап көріңіз.",
    "account.label": "Тіркелгі",
    "account.signIn": "Кіру",
    "account.signOut": "Шығу",
    "account.signOutFailed": "Шығу мүмкін болмады ({detail}).",
    "account.scope.national": "Бүкіл Қазақстан",
    "account.scope.district": "{region}, аудан {kato}",
    "role.analyst": "Талдаушы",
    "role.planner": "Жоспарлаушы",
    "role.education": "Білім басқармасы",
    "role.steward": "Деректер әкімшісі",
    "signin.title": "RiskMap жүйесіне кіру",
    "signin.username": "Пайдаланушы аты",
    "signin.password": "Құпиясөз",
    "signin.cancel": "Болдырмау",
    "signin.error.wrong": "Пайдаланушы аты немесе құпиясөз қате.",
    "signin.error.rateLimited": "Кіру әрекеттері тым көп. Бір минуттан кейін қайталап көріңіз.",
    "signin.error.failed": "Кіру мүмкін болмады ({detail}). Кейінірек қайталап көріңіз.",
    "notice.public.title": "Жалпыға ортақ көрініс.",
    "notice.public.text": "Мектептер бойынша деректер мен толық бағаларды көру үшін жүйеге кіріңіз.",
    "breadcrumb.label": "Сіз қайдасыз",
    "breadcrumb.kazakhstan": "Қазақстан",
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
    "tooltip.class": "Класс риска",
    "controls.label": "Вид карты",
    "controls.period": "Период",
    "controls.measure": "Раскрасить по",
    "controls.classes": "Классы",
    "measure.composite": "Сводная оценка риска",
    "measure.domains": "Области",
    "measure.indicators": "Индикаторы",
    "measure.domain": "Область: {name}",
    "measure.indicator": "Индикатор: {name}",
    "classes.fixed": "Фиксированные пороги",
    "classes.quantile": "Квинтили (равные группы)",
    "period.quarter": "{q} квартал {year} г.",
    "legend.label": "Легенда",
    "legend.period": "Период: {period}",
    "legend.classes": "Классы: {classes}",
    "legend.noScores": "Оценки риска ещё не опубликованы.",
    "class.1": "Очень низкий",
    "class.2": "Низкий",
    "class.3": "Средний",
    "class.4": "Высокий",
    "class.5": "Очень высокий",
    "class.none": "Нет данных",
    "class.lowReliability": "Низкая надёжность (пунктирная граница)",
    "nav.label": "Страницы",
    "nav.map": "Карта",
    "nav.jobs": "Расчёты",
    "unit.seconds": "{n} с",
    "unit.minutes": "{n} мин",
    "unit.hours": "{n} ч",
    "error.loadJobs": "Не удалось загрузить состояние расчётов. Попробуйте ещё раз позже.",
    "account.label": "Учётная запись",
    "account.signIn": "Войти",
    "account.signOut": "Выйти",
    "account.signOutFailed": "Не удалось выйти ({detail}).",
    "account.scope.national": "Весь Казахстан",
    "account.scope.district": "{region}, район {kato}",
    "role.analyst": "Аналитик",
    "role.planner": "Планировщик",
    "role.education": "Управление образования",
    "role.steward": "Администратор данных",
    "signin.title": "Вход в RiskMap",
    "signin.username": "Имя пользователя",
    "signin.password": "Пароль",
    "signin.cancel": "Отмена",
    "signin.error.wrong": "Неверное имя пользователя или пароль.",
    "signin.error.rateLimited": "Слишком много попыток входа. Попробуйте ещё раз через минуту.",
    "signin.error.failed": "Не удалось войти ({detail}). Попробуйте ещё раз позже.",
    "notice.public.title": "Открытый просмотр.",
    "notice.public.text": "Данные по школам и подробные баллы доступны после входа в систему.",
    "breadcrumb.label": "Где вы находитесь",
    "breadcrumb.kazakhstan": "Казахстан",
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
    "tooltip.class": "Risk class",
    "controls.label": "Map view",
    "controls.period": "Period",
    "controls.measure": "Colour by",
    "controls.classes": "Classes",
    "measure.composite": "Composite risk score",
    "measure.domains": "Domains",
    "measure.indicators": "Indicators",
    "measure.domain": "Domain: {name}",
    "measure.indicator": "Indicator: {name}",
    "classes.fixed": "Fixed thresholds",
    "classes.quantile": "Quintiles (equal groups)",
    "period.quarter": "Q{q} {year}",
    "legend.label": "Legend",
    "legend.period": "Period: {period}",
    "legend.classes": "Classes: {classes}",
    "legend.noScores": "No risk scores have been published yet.",
    "class.1": "Very low",
    "class.2": "Low",
    "class.3": "Medium",
    "class.4": "High",
    "class.5": "Very high",
    "class.none": "No data",
    "class.lowReliability": "Low reliability (dashed outline)",
    "nav.label": "Pages",
    "nav.map": "Map",
    "nav.jobs": "Score runs",
    "unit.seconds": "{n} s",
    "unit.minutes": "{n} min",
    "unit.hours": "{n} h",
    "error.loadJobs": "Could not load the score run status. Please try again later.",
    "account.label": "Account",
    "account.signIn": "Sign in",
    "account.signOut": "Sign out",
    "account.signOutFailed": "Could not sign out ({detail}).",
    "account.scope.national": "All of Kazakhstan",
    "account.scope.district": "{region}, district {kato}",
    "role.analyst": "Analyst",
    "role.planner": "Planner",
    "role.education": "Education department",
    "role.steward": "Data steward",
    "signin.title": "Sign in to RiskMap",
    "signin.username": "Username",
    "signin.password": "Password",
    "signin.cancel": "Cancel",
    "signin.error.wrong": "The username or password is wrong.",
    "signin.error.rateLimited": "Too many sign-in attempts. Please try again in a minute.",
    "signin.error.failed": "Could not sign in ({detail}). Please try again later.",
    "notice.public.title": "Public view.",
    "notice.public.text": "School-level data and detailed scores are shown after signing in.",
    "breadcrumb.label": "Where you are",
    "breadcrumb.kazakhstan": "Kazakhstan",
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

/** A change of a score with its sign ("+0.4", "−1.2"), with one decimal or the given number; a dash for none. */
export function formatChange(value, digits = 1) {
  if (typeof value !== "number") return "—";
  // The sign follows the shown digits: −0.004 reads "0.00", never "−0.00".
  const shown = Number(value.toFixed(digits));
  const text = formatNumber(Math.abs(shown), { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return shown > 0 ? `+${text}` : shown < 0 ? `−${text}` : text;
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

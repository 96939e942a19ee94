// Text of the region and district search (unitsearch.js) in Kazakh, Russian and English.

export const SEARCH_MESSAGES = Object.freeze({
  kk: {
    "search.label": "Өңірді не ауданды табу",
    "search.noMatch": "«{text}» атауымен өңір не аудан табылмады.",
    "search.district": "{district} ({region})",
  },
  ru: {
    "search.label": "Найти регион или район",
    "search.noMatch": "Регион или район «{text}» не найден.",
    "search.district": "{district} ({region})",
  },
  en: {
    "search.label": "Find a region or district",
    "search.noMatch": "No region or district is called “{text}”.",
    "search.district": "{district} ({region})",
  },
});

// Text of a score's change (change.js) in Kazakh, Russian and English.

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "change.rise": "{change} ▲ өсті",
    "change.fall": "{change} ▼ төмендеді",
    "change.steady": "{change} (айқын өзгеріс жоқ)",
    "change.quarter": "Алдыңғы тоқсанмен салыстырғанда",
    "change.year": "Бір жыл бұрынғы тоқсанмен салыстырғанда",
  },
  ru: {
    "change.rise": "{change} ▲ рост",
    "change.fall": "{change} ▼ снижение",
    "change.steady": "{change} (без явного изменения)",
    "change.quarter": "К предыдущему кварталу",
    "change.year": "К тому же кварталу год назад",
  },
  en: {
    "change.rise": "{change} ▲ rise",
    "change.fall": "{change} ▼ fall",
    "change.steady": "{change} (no clear change)",
    "change.quarter": "Since the previous quarter",
    "change.year": "Since the same quarter a year before",
  },
});

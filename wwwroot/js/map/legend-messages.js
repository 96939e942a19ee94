// Text of the legend's note on what a score is (legend.js) in Kazakh, Russian and English.

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "legend.index": "Балл — 0-ден 10-ға дейінгі салыстырмалы индекс.",
    "legend.methodology": "Балдарды қалай оқу керек",
  },
  ru: {
    "legend.index": "Балл — относительный индекс от 0 до 10.",
    "legend.methodology": "Как читать баллы",
  },
  en: {
    "legend.index": "The score is a relative index from 0 to 10.",
    "legend.methodology": "How to read the scores",
  },
});

// Text about what the map withholds to protect children: a region's or district's class is suppressed for callers
// without detail on it when it has too few pupils. Plain ES module: registers its messages when imported.

import { addMessages } from "./i18n.js";

addMessages({
  kk: {
    "privacy.legend": "Жасырылған (оқушылар саны аз)",
    "privacy.suppressed": "Жасырылған: жариялау үшін оқушылар саны тым аз",
  },
  ru: {
    "privacy.legend": "Скрыто (мало учащихся)",
    "privacy.suppressed": "Скрыто: слишком мало учащихся для публикации",
  },
  en: {
    "privacy.legend": "Suppressed (small population)",
    "privacy.suppressed": "Suppressed: too few pupils to publish",
  },
});

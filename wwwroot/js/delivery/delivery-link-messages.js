// The header's link to the page "Data delivery", in Kazakh, Russian and English (every page has the header).

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: { "nav.delivery": "Деректердің келуі" },
  ru: { "nav.delivery": "Поступление данных" },
  en: { "nav.delivery": "Data delivery" },
});

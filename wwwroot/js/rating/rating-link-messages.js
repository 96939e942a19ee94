// The header's link to the page "Rating of akimats", in Kazakh, Russian and English (every page has the header).

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: { "nav.rating": "Әкімдіктер рейтингі" },
  ru: { "nav.rating": "Рейтинг акиматов" },
  en: { "nav.rating": "Rating of akimats" },
});

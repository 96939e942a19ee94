// Text of the "Brief (PDF)" buttons (brief.js) in Kazakh, Russian and English.

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "brief.download": "Анықтама (PDF)",
    "brief.failed": "Анықтаманы жасау мүмкін болмады.",
  },
  ru: {
    "brief.download": "Справка (PDF)",
    "brief.failed": "Не удалось сформировать справку.",
  },
  en: {
    "brief.download": "Brief (PDF)",
    "brief.failed": "Could not make the brief.",
  },
});

// The header's link to the alerts list and its badge of new alerts, in Kazakh, Russian and English (on every page, as
// the header is). Plain ES module: registers its messages when imported.

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "nav.alerts": "Ескертулер",
    "alerts.badge.other": "{n} жаңа ескерту",
  },
  ru: {
    "nav.alerts": "Оповещения",
    "alerts.badge.one": "{n} новое оповещение",
    "alerts.badge.few": "{n} новых оповещения",
    "alerts.badge.many": "{n} новых оповещений",
    "alerts.badge.other": "{n} нового оповещения",
  },
  en: {
    "nav.alerts": "Alerts",
    "alerts.badge.one": "{n} new alert",
    "alerts.badge.other": "{n} new alerts",
  },
});

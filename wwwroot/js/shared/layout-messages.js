// Text of the page frame every page shares (page.js, header.js, sheet.js): skip links, the compact header's menu,
// the banners' toggle and the map panel's handle on a phone.

import { addMessages } from "./i18n.js";

addMessages({
  kk: {
    "skip.label": "Өту",
    "skip.map": "Картаға өту",
    "skip.panel": "Панельге өту",
    "menu.label": "Мәзір",
    "banner.toggle": "Толығырақ",
    "panel.handle": "Карта көрінісі, шартты белгілер және аудандар",
  },
  ru: {
    "skip.label": "Переходы",
    "skip.map": "Перейти к карте",
    "skip.panel": "Перейти к панели",
    "menu.label": "Меню",
    "banner.toggle": "Подробнее",
    "panel.handle": "Вид карты, легенда и районы",
  },
  en: {
    "skip.label": "Skip links",
    "skip.map": "Skip to the map",
    "skip.panel": "Skip to the panel",
    "menu.label": "Menu",
    "banner.toggle": "More",
    "panel.handle": "Map view, legend and districts",
  },
});

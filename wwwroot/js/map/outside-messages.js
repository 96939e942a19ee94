// Text of the map's district tooltip and of units outside the caller's area (choropleth.js, legend.js, app.js).

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "tooltip.score": "Балл",
    "tooltip.change": "Тоқсандағы өзгеріс",
    "outside.legend": "Сіздің аумағыңыздан тыс",
    "outside.tooltip": "Сіздің аумағыңыздан тыс: бұл көрсеткіш тек өз аумағыңыз үшін көрсетіледі",
  },
  ru: {
    "tooltip.score": "Балл",
    "tooltip.change": "Изменение за квартал",
    "outside.legend": "Вне вашей территории",
    "outside.tooltip": "Вне вашей территории: этот показатель виден только для вашей территории",
  },
  en: {
    "tooltip.score": "Score",
    "tooltip.change": "Change over the quarter",
    "outside.legend": "Outside your area",
    "outside.tooltip": "Outside your area: this measure is shown for your own area only",
  },
});

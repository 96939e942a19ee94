// Text of the "Download map" image (mapexport.js) in Kazakh, Russian and English.

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "mapexport.download": "Картаны жүктеп алу (PNG)",
    "mapexport.kazakhstan": "Қазақстан",
    "mapexport.legend": "Тәуекел деңгейі",
    "mapexport.demo": "ДЕМО ДЕРЕКТЕР — нақты статистика емес",
    "mapexport.failed": "Картаның суретін жасау мүмкін болмады.",
  },
  ru: {
    "mapexport.download": "Скачать карту (PNG)",
    "mapexport.kazakhstan": "Казахстан",
    "mapexport.legend": "Уровень риска",
    "mapexport.demo": "ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ — не реальная статистика",
    "mapexport.failed": "Не удалось создать изображение карты.",
  },
  en: {
    "mapexport.download": "Download map (PNG)",
    "mapexport.kazakhstan": "Kazakhstan",
    "mapexport.legend": "Risk level",
    "mapexport.demo": "DEMO DATA — not real statistics",
    "mapexport.failed": "Could not make the map image.",
  },
});

// Text of the held risk level note (heldlevel.js) in Kazakh, Russian and English.

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "heldLevel.note": "Деңгей сақталды: {score} балл деңгей шекарасынан {margin}-ден артық шыққан жоқ",
  },
  ru: {
    "heldLevel.note": "Уровень сохранён: балл {score} не вышел за границу уровня больше чем на {margin}",
  },
  en: {
    "heldLevel.note": "Level kept: the score {score} is no more than {margin} beyond the level's bounds",
  },
});

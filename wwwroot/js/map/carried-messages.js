// Text of the profile's note on history carried across a boundary change (carried.js) in Kazakh, Russian and English.

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "carried.district": "Бұл ауданның {quarters} деректері {vintage} жылғы шекаралардан қайта есептелген ({by}).",
    "carried.region": "Бұл өңірдің {quarters} деректері {vintage} жылғы шекаралардан қайта есептелген ({by}).",
    "carried.by.pupils": "оқушылар саны бойынша",
    "carried.by.area": "аумақ бойынша",
    "carried.by.mixed": "оқушылар саны мен аумақ бойынша",
  },
  ru: {
    "carried.district": "Данные этого района за {quarters} пересчитаны из границ {vintage} г. ({by}).",
    "carried.region": "Данные этого региона за {quarters} пересчитаны из границ {vintage} г. ({by}).",
    "carried.by.pupils": "по числу учащихся",
    "carried.by.area": "по площади",
    "carried.by.mixed": "по числу учащихся и площади",
  },
  en: {
    "carried.district": "This district's figures for {quarters} are carried from the {vintage} boundaries ({by}).",
    "carried.region": "This region's figures for {quarters} are carried from the {vintage} boundaries ({by}).",
    "carried.by.pupils": "pupil-weighted",
    "carried.by.area": "area-weighted",
    "carried.by.mixed": "pupil- and area-weighted",
  },
});

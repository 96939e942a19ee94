// Text of the schools layer and the school profile in Kazakh, Russian and English. Plain ES module: no globals.

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "schools.marker": "{name}, тәуекел деңгейі: {class}",
    "schools.markerLow": "{name}, тәуекел деңгейі: {class}, сенімділігі төмен",
    "schools.cluster.other": "{n} мектеп, ең жоғары тәуекел деңгейі: {class}",
    "schools.rankValue": "барлық мектептер ішінен {rank}-орын ({low}–{high})",
  },
  ru: {
    "schools.marker": "{name}, уровень риска: {class}",
    "schools.markerLow": "{name}, уровень риска: {class}, низкая надёжность",
    "schools.cluster.one": "{n} школа, наивысший уровень риска: {class}",
    "schools.cluster.few": "{n} школы, наивысший уровень риска: {class}",
    "schools.cluster.many": "{n} школ, наивысший уровень риска: {class}",
    "schools.cluster.other": "{n} школы, наивысший уровень риска: {class}",
    "schools.rankValue": "{rank} ({low}–{high}) среди всех школ страны",
  },
  en: {
    "schools.marker": "{name}, risk level: {class}",
    "schools.markerLow": "{name}, risk level: {class}, low reliability",
    "schools.cluster.one": "{n} school, highest risk level: {class}",
    "schools.cluster.other": "{n} schools, highest risk level: {class}",
    "schools.rankValue": "rank {rank} ({low}–{high}) among all schools in the country",
  },
});

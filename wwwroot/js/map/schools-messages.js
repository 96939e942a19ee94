// Text of the schools layer and the school profile in Kazakh, Russian and English. Plain ES module: no globals.

import { addMessages } from "../shared/i18n.js";

addMessages({
  kk: {
    "schools.marker": "{name}, тәуекел класы: {class}",
    "schools.markerLow": "{name}, тәуекел класы: {class}, сенімділігі төмен",
    "schools.cluster.other": "{n} мектеп, ең жоғары тәуекел класы: {class}",
    "schools.rankValue": "барлық мектептер ішінен {rank}-орын ({low}–{high})",
  },
  ru: {
    "schools.marker": "{name}, класс риска: {class}",
    "schools.markerLow": "{name}, класс риска: {class}, низкая надёжность",
    "schools.cluster.one": "{n} школа, наивысший класс риска: {class}",
    "schools.cluster.few": "{n} школы, наивысший класс риска: {class}",
    "schools.cluster.many": "{n} школ, наивысший класс риска: {class}",
    "schools.cluster.other": "{n} школы, наивысший класс риска: {class}",
    "schools.rankValue": "{rank} ({low}–{high}) среди всех школ страны",
  },
  en: {
    "schools.marker": "{name}, risk class: {class}",
    "schools.markerLow": "{name}, risk class: {class}, low reliability",
    "schools.cluster.one": "{n} school, highest risk class: {class}",
    "schools.cluster.other": "{n} schools, highest risk class: {class}",
    "schools.rankValue": "rank {rank} ({low}–{high}) among all schools in the country",
  },
});

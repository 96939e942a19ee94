// A unit's forecast line in its profile: next quarter's score interval and probability of risk level 4–5, the method
// the level publishes (and the one publishing the probability, when its own backtest chose another), that it is a forecast and not a fact, about the area and never a child, and the model card.
// Plain ES module.

import { element } from "../shared/dom.js";
import { formatNumber, formatQuarter, formatScore, getLanguage, t } from "../shared/i18n.js";
import "../forecasts/forecasts-messages.js";

/** The profile's forecast section for unitForecast's answer (forecast-data.js); nothing where the caller is shown none. */
export function forecastSection(forecast) {
  const next = forecast?.forecasts.find((f) => f.measure === "composite" && f.horizon === 1);
  if (!next) return [];
  const card = element("a", { attrs: { href: `/forecasts.html?${new URLSearchParams({ lang: getLanguage() })}` }, text: t("forecast.cardLink") });
  const note = element("p", { className: "profile-note profile-forecast-note", text: `${t("forecast.notFact")} ` });
  note.append(card);
  return [
    element("h3", { className: "profile-subtitle", text: t("forecast.heading") }),
    element("p", {
      className: "profile-forecast",
      attrs: { "data-period": next.period },
      text: t("forecast.interval", { quarter: formatQuarter(next.period), low: formatScore(next.scoreLow), high: formatScore(next.scoreHigh) }),
    }),
    element("p", {
      className: "profile-forecast-risk",
      text: t("forecast.highRisk", { probability: formatNumber(next.highRiskProbability, { style: "percent", maximumFractionDigits: 0 }) }),
    }),
    methodLine(forecast),
    note,
  ];
}

/** The published method; when the probability of level 4–5 comes from another one (docs/forecasting.md §5), both, each named. */
function methodLine({ method, methodName, probabilityMethod, probabilityMethodName }) {
  const differs = probabilityMethod && probabilityMethod !== method;
  return element("p", {
    className: "profile-forecast-method",
    attrs: { "data-method": method, "data-probability-method": probabilityMethod ?? method },
    text: differs
      ? t("forecast.methods", { method: methodName, probabilityMethod: probabilityMethodName })
      : t("forecast.method", { method: methodName }),
  });
}

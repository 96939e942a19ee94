// The account control in the shared header: for the public a "Sign in" button that opens the sign-in dialog; when
// signed in the user's name, role and scope and a "Sign out" button. Signing in or out reloads the page, because
// what the pages show depends on the role. Plain ES module: no globals.

import { fetchMe, fetchRegions, reportBug, signIn, signOut } from "./api.js";
import { element } from "./dom.js";
import { localizedName, t } from "./i18n.js";

/** Who the page shows when /api/auth/me cannot be read. */
const PUBLIC = Object.freeze({ authenticated: false, role: "public" });
const ROLES = new Set(["analyst", "planner", "education", "steward"]);
/** Set just before the page reloads after a sign-in, so that the reloaded page puts focus somewhere useful. */
const FOCUS_AFTER_SIGN_IN = "riskmap.focusAfterSignIn";
/** Only the region names are needed, so the coarsest boundaries do. */
const REGION_SIMPLIFY = 0.05;

/** Sign-in refusals by the problem code the server sends (a locked account is answered as a wrong password). */
const SIGN_IN_ERRORS = Object.freeze({
  "wrong-credentials": "signin.error.wrong",
  "rate-limited": "signin.error.rateLimited",
});

function buildControl() {
  const root = element("div", { className: "account", attrs: { role: "group", "data-i18n-aria-label": "account.label" } });
  const who = element("p", { className: "account-who" });
  const name = element("span", { className: "account-name" });
  const role = element("span", { className: "account-role" });
  who.append(name, role);
  const signInButton = element("button", { className: "account-button", attrs: { type: "button", "data-i18n": "account.signIn" } });
  const signOutButton = element("button", { className: "account-button", attrs: { type: "button", "data-i18n": "account.signOut" } });
  const error = element("p", { className: "account-error", attrs: { role: "alert" } });
  root.append(who, signInButton, signOutButton, error);
  return { root, who, name, role, signInButton, signOutButton, error };
}

function field(labelKey, inputAttrs) {
  const label = element("label", { className: "field" });
  label.append(element("span", { attrs: { "data-i18n": labelKey } }), element("input", { attrs: { required: "", ...inputAttrs } }));
  return label;
}

function buildDialog() {
  const dialog = element("dialog", { className: "signin-dialog", attrs: { "aria-labelledby": "signin-title" } });
  const form = element("form", { className: "signin-form" });
  const error = element("p", { className: "signin-error", attrs: { id: "signin-error", role: "alert" } });
  const submit = element("button", { className: "action-button", attrs: { type: "submit", "data-i18n": "account.signIn" } });
  const cancel = element("button", { className: "secondary-button", attrs: { type: "button", "data-i18n": "signin.cancel" } });
  const actions = element("div", { className: "dialog-actions" });
  actions.append(submit, cancel);
  form.append(
    element("h2", { className: "dialog-title", attrs: { id: "signin-title", "data-i18n": "signin.title" } }),
    field("signin.username", { name: "username", autocomplete: "username", autocapitalize: "none", spellcheck: "false" }),
    field("signin.password", { name: "password", type: "password", autocomplete: "current-password", "aria-describedby": "signin-error" }),
    error,
    actions,
  );
  dialog.append(form);
  return { dialog, form, error, submit, cancel };
}

/** Why a sign-in failed, as a message key with what it needs; kept so that the text follows the language. */
function signInFailure(error) {
  reportBug(error);
  const key = SIGN_IN_ERRORS[error?.problem?.code];
  if (key) return { key };
  return { key: "signin.error.failed", detail: error?.detail ?? "" };
}

async function loadMe(asked) {
  try {
    return await (asked ?? fetchMe());
  } catch (error) {
    reportBug(error);
    return PUBLIC;
  }
}

/**
 * After the reload that follows a sign-in, focus goes to the page's main working area (marked data-focus-after-sign-in,
 * the map on the map page) or else back to the account control the user was at, never to the page as a whole.
 */
function focusAfterSignIn(control) {
  if (sessionStorage.getItem(FOCUS_AFTER_SIGN_IN) === null) return;
  sessionStorage.removeItem(FOCUS_AFTER_SIGN_IN);
  const target = document.querySelector("[data-focus-after-sign-in]") ?? (control.signOutButton.hidden ? null : control.signOutButton);
  target?.focus();
}

/** The boundary properties (name_kk, name_ru, name_en) of a region, or null. */
async function loadRegion(kato) {
  try {
    const regions = await fetchRegions(REGION_SIMPLIFY);
    return regions.features.find((f) => String(f.properties?.kato ?? f.id ?? "") === kato)?.properties ?? null;
  } catch (error) {
    reportBug(error);
    return null; // the scope is then shown by its KATO code
  }
}

/**
 * Adds the account control to the header tools and the sign-in dialog to the page. Returns render(), which
 * re-renders its text in the current language, and me: a promise of who is signed in (/api/auth/me, or the answer to
 * the request askedMe the page made already).
 */
export function initAccount(headerTools, askedMe = null) {
  const control = buildControl();
  const form = buildDialog();
  headerTools.append(control.root);
  document.body.append(form.dialog);

  const state = { me: null, region: null, signInError: null, signOutError: null };

  const scopeText = (me) => {
    if (!me.scopeRegion) return t("account.scope.national");
    const region = state.region ? localizedName(state.region) : me.scopeRegion;
    return me.scopeDistrict ? t("account.scope.district", { region, kato: me.scopeDistrict }) : region;
  };

  const render = () => {
    const me = state.me;
    const signedIn = me?.authenticated === true;
    control.root.dataset.account = me === null ? "loading" : signedIn ? "signed-in" : "public";
    control.who.hidden = !signedIn;
    control.signOutButton.hidden = !signedIn;
    control.signInButton.hidden = me === null || signedIn;
    if (signedIn) {
      control.name.textContent = me.displayName || me.username;
      control.role.textContent = `${ROLES.has(me.role) ? t(`role.${me.role}`) : me.role} · ${scopeText(me)}`;
    }
    control.error.hidden = state.signOutError === null;
    control.error.textContent = state.signOutError === null ? "" : t("account.signOutFailed", { detail: state.signOutError });

    const failure = state.signInError;
    form.error.hidden = failure === null;
    form.error.textContent =
      failure === null ? "" : t(failure.key, { detail: failure.detail });
  };

  control.signInButton.addEventListener("click", () => form.dialog.showModal());
  form.cancel.addEventListener("click", () => form.dialog.close());
  form.dialog.addEventListener("close", () => {
    form.form.reset();
    state.signInError = null;
    render();
  });

  form.form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form.submit.disabled) return;
    form.submit.disabled = true;
    state.signInError = null; // a new refusal is then announced again
    render();
    const { username, password } = form.form.elements;
    try {
      await signIn(username.value.trim(), password.value);
      sessionStorage.setItem(FOCUS_AFTER_SIGN_IN, "1");
      window.location.reload();
    } catch (error) {
      state.signInError = signInFailure(error);
      form.submit.disabled = false;
      password.value = "";
      password.focus();
      render();
    }
  });

  control.signOutButton.addEventListener("click", async () => {
    try {
      await signOut();
      window.location.reload();
    } catch (error) {
      // The session had already ended elsewhere (the server cleared the cookie): signed out all the same.
      if (error?.problem?.code === "sign-in-required") {
        window.location.reload();
        return;
      }
      reportBug(error);
      state.signOutError = error?.detail ?? "";
      render();
    }
  });

  const me = loadMe(askedMe);
  me.then(async (who) => {
    state.me = who;
    render();
    focusAfterSignIn(control);
    if (who.scopeRegion) {
      state.region = await loadRegion(who.scopeRegion);
      render();
    }
  });
  return { render, me };
}

// How far what the page shows can be trusted, and where it comes from: the tag on anything resting
// on a secondary source, an unverified report or our assumption; a framework's notices; a link to a
// source. Used by the results, start and report pages.
import { h } from "./dom.mjs";
import { govTag, tagColour } from "./govuk.mjs";
import { TRUST } from "./format.mjs";

/**
 * What a rule's tag says to a user, in words, for the tags that are not verified: S (a secondary
 * source), U (reported, but no official text found) and R (our assumption). V and D say nothing.
 */
const TAG_COLOURS = { S: "grey", U: "orange", R: "yellow" };

/** The tag shown on anything resting on a rule tagged S, U or R. */
export function assumptionTag(tag) {
  const colour = TAG_COLOURS[tag];
  return colour
    ? [
        " ",
        govTag({
          text: TRUST[tag].short,
          classes: `${tagColour(colour)} ${tag === "R" ? "st-assumption" : "st-unverified"}`,
        }),
      ]
    : null;
}

/** The tag on a figure counted from official data (tag D), such as the published grade history. */
export function officialDataTag() {
  return [" ", govTag({ text: TRUST.D.short, classes: "st-official-data" })];
}

/** One sentence on how far a figure or rule tagged `tag` can be trusted, or "" when verified. */
export function trustNote(tag) {
  return TRUST[tag]?.note ?? "";
}

/**
 * The notices a framework carries (changes Ofsted has announced, such as the 2027 children and
 * families services framework), each with how far it can be trusted and its source; null when none.
 */
export function frameworkNotices(fw, id = "framework-notices") {
  const notices = fw?.notices ?? [];
  if (!notices.length) return null;
  return h(
    "div",
    { class: "govuk-inset-text st-framework-notices", id },
    notices.map((n) =>
      h("p", { class: "govuk-body" }, n.text, assumptionTag(n.tag), " ", sourceLink(n.source, "From: ")),
    ),
  );
}

/** An external source link: plain <a> the user may choose to follow, opening in a new tab. */
export function sourceLink(url, prefix = "Source: ") {
  if (!url) return null;
  let name = url;
  try {
    name = new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return h("span", { class: "govuk-body-s" }, prefix, url);
  }
  return h(
    "span",
    { class: "govuk-body-s st-source" },
    prefix,
    h(
      "a",
      { class: "govuk-link", href: url, rel: "noreferrer noopener", target: "_blank" },
      `${name} (opens in new tab)`,
    ),
  );
}

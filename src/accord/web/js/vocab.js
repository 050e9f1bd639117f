// The fixed lists the page draws with: quad classes and their colours, the other timeline series,
// PLOVER event types, and the kinds of evidence highlighted in an article.

export const QUADS = [
  { key: "q1", label: "Verbal cooperation", color: "#6baed6" },
  { key: "q2", label: "Material cooperation", color: "#2171b5" },
  { key: "q3", label: "Verbal conflict", color: "#fd8d3c" },
  { key: "q4", label: "Material conflict", color: "#cb181d" },
];

// Drawn apart from what occurred: what was only planned or supposed, and (with the toggle) history.
export const OTHER_SERIES = [
  { key: "planned", label: "Planned (not yet happened)", color: "#5b6b7a" },
  { key: "hypothetical", label: "Hypothetical", color: "#9aa5b1" },
  { key: "background", label: "Background (dated well before the report)", color: "#c4c9cf" },
];

export const COOPERATION = "#2171b5";
export const CONFLICT = "#cb181d";
export const PLANNED = "#7b8794";

// The same sixteen types, in the same order, as accord/base/ontology.py's EVENT_TYPES.
export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

// What an analyst can say is wrong with an event (accord/store/flags.py's PROBLEMS).
export const PROBLEMS = [
  ["type", "the event type is wrong"],
  ["side", "a side (actor or recipient) is wrong"],
  ["date", "the date is wrong"],
  ["status", "the status is wrong (planned, negated, ...)"],
  ["place", "the place is wrong"],
  ["other", "something else"],
];

// Evidence kinds in the article view; earlier kinds are drawn outside later ones when spans nest.
export const EVIDENCE = [
  { kind: "record", label: "Agreement · deal · meeting" },
  { kind: "actor", label: "Actor" },
  { kind: "recipient", label: "Recipient" },
  { kind: "date", label: "Date phrase" },
  { kind: "money", label: "Money" },
  { kind: "quantity", label: "Quantity" },
  { kind: "detail", label: "Record detail" },
  { kind: "trigger", label: "Trigger" },
];
export const KIND_RANK = Object.fromEntries(EVIDENCE.map((e, i) => [e.kind, i]));

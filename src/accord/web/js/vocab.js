// The fixed lists the page draws with: quad classes and their colours, PLOVER event types,
// and the kinds of evidence highlighted in an article.

export const QUADS = [
  { key: "q1", label: "Verbal cooperation", color: "#6baed6" },
  { key: "q2", label: "Material cooperation", color: "#2171b5" },
  { key: "q3", label: "Verbal conflict", color: "#fd8d3c" },
  { key: "q4", label: "Material conflict", color: "#cb181d" },
];

// The same sixteen types, in the same order, as accord/base/ontology.py's EVENT_TYPES.
export const EVENT_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
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

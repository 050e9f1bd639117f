"""The seven records of the reference report (issue 10), checked on the dicts the CLI and the API give.

Loaded by the ``seed_records`` fixture (tests/conftest.py), so that the pipeline, CLI and API tests pin
the same expectations. Decisions written down here:

- "The 10-year pact on military cooperation of an existing framework was also renewed" is the same
  agreement as the "Agreement on Program for Military-Technical Cooperation from 2021-2031" signed in the
  sentence before: a definite mention without a name of its own, whose length (10 years) is the
  programme's span and whose topic (military cooperation) is in its name. The signing renewed the
  existing ten-year framework, so the record is signed, runs 2021-2031 for 10 years, and renews that pact.
- "four defence agreements/contracts/protocols" and "a number of Agreements/Contracts/Protocols" count
  the four records; they are no records of their own.
- The AK-203 procurement is the deal, not also an agreement: "The agreement was signed at the 20th
  meeting" points back to it (its status: signed). Rifles change hands, so its kind is arms_transfer.
- "Another agreement was signed on the protocol of the 20th IRIGC-M&MTC" is one record: the protocol.
- The Kalashnikov agreement "originally sealed in February 2019" is the earlier agreement that the new
  pact amends, not a record of its own.
"""

from __future__ import annotations

from typing import Any

SEED_ID = "000_5d68f7ddc8901266"


def _codes(entities: list[dict[str, Any]]) -> list[str]:
    return [e["code"] for e in entities]


def _names(entities: list[dict[str, Any]]) -> list[str]:
    return [e["name"] for e in entities]


def check_seed_records(
    agreements: list[dict[str, Any]], deals: list[dict[str, Any]], meetings: list[dict[str, Any]]
) -> None:
    """Assert that the seed's records (dicts as ``to_dict`` gives them) are exactly the seven expected."""
    agreements = [a for a in agreements if a["article_id"] == SEED_ID]
    deals = [d for d in deals if d["article_id"] == SEED_ID]
    meetings = [m for m in meetings if m["article_id"] == SEED_ID]
    assert (len(agreements), len(deals), len(meetings)) == (3, 1, 3)

    [deal] = deals
    assert (deal["kind"], deal["status"], deal["date"]) == ("arms_transfer", "signed", "2021-12-06")
    assert deal["quantity"]["value"] == 601427 and deal["quantity"]["text"] == "6,01,427"
    assert "assault rifles AK-203" in deal["item"]["text"]
    assert (deal["money"]["amount"], deal["money"]["currency"], deal["money"]["approximate"]) == (
        50_000_000_000,
        "INR",
        True,
    )
    assert deal["intermediary"]["text"].startswith("Indo-Russia Rifles Pvt Ltd")
    assert (_codes(deal["buyer"]), _codes(deal["seller"])) == (["IND"], ["RUS"])

    program, protocol, amendment = sorted(agreements, key=lambda a: a["name"]["start"])
    assert program["name"]["text"].startswith("Agreement on Program for Military-Technical Cooperation")
    assert (program["kind"], program["action"], program["date"]) == ("agreement", "signed", "2021-12-06")
    assert sorted(_codes(program["parties"])) == ["IND", "RUS"]
    term = program["term"]
    assert (term["start_year"], term["end_year"], term["years"]) == (2021, 2031, 10)
    assert [s["text"] for s in term["evidence"]] == ["2021-2031", "10-year"]
    assert program["earlier"]["relation"] == "renews"
    assert program["earlier"]["text"].startswith("10-year pact on military cooperation")
    assert any(m["text"].startswith("10-year pact") for m in program["mentions"])  # the same record

    assert (protocol["kind"], protocol["name"]["text"], protocol["action"]) == (
        "protocol",
        "protocol of the 20th IRIGC-M&MTC",
        "signed",
    )

    assert (amendment["kind"], amendment["action"]) == ("pact", "amended")
    earlier = amendment["earlier"]
    assert earlier["relation"] == "amends" and "Kalashnikov series of small arms" in earlier["text"]
    assert (earlier["date"], earlier["date_precision"], earlier["date_evidence"]["text"]) == (
        "2019-02",
        "month",
        "February 2019",
    )

    commission, dialogue, summit = sorted(meetings, key=lambda m: m["name"]["start"])
    assert commission["name"]["text"].startswith(
        "20th meeting of the India-Russia Inter-Governmental Commission"
    )
    assert (commission["kind"], commission["ordinal"], commission["status"]) == ("commission", 20, "held")
    assert commission["date"] == "2021-12-06" and commission["place"]["name"] == "New Delhi"
    assert _names(commission["chairs"]) == ["Rajnath Singh", "Sergey Shoigu"]
    assert sorted(_codes(commission["participants"])) == ["IND", "RUS"]

    assert "2+2 ministerial dialogue" in dialogue["name"]["text"]
    assert (dialogue["kind"], dialogue["ordinal"], dialogue["status"], dialogue["date"]) == (
        "dialogue",
        1,
        "planned",
        "2021-12-06",
    )
    assert sorted(_codes(dialogue["participants"])) == ["IND", "RUS"]

    assert summit["name"]["text"] == "21st annual India-Russia summit"
    assert (summit["kind"], summit["ordinal"], summit["recurrence"], summit["status"]) == (
        "summit",
        21,
        "annual",
        "planned",
    )
    assert summit["date"] == "2021-12-06"
    assert sorted(_names(summit["people"])) == ["Narendra Modi", "Vladimir Putin"]
    assert sorted(_codes(summit["participants"])) == ["IND", "RUS"]

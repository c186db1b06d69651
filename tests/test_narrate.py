import pytest

from graph.narrate import phrase, verb, what

ARMS = {
    "type": "arms_supply",
    "subtype": "drones",
    "source": "IRN",
    "target": "RUS",
    "start": "2022",
    "end": "",
    "status": "disputed",
}


@pytest.mark.parametrize(
    ("tie", "viewpoint", "expected"),
    [
        (ARMS, "IRN", "supplies drones to (2022–, disputed)"),
        (ARMS, "RUS", "gets drones from (2022–, disputed)"),
        (
            {
                **ARMS,
                "type": "treaty",
                "subtype": "mutual_defense",
                "status": "confirmed",
                "start": "2024-06-19",
                "end": "",
            },
            "RUS",
            "has a mutual defense treaty with (2024–)",
        ),
        (
            {
                **ARMS,
                "type": "conflict",
                "subtype": "war",
                "status": "confirmed",
                "start": "1950-06-25",
                "end": "1953-07-27",
            },
            "RUS",
            "is in conflict with (1950–1953)",
        ),
    ],
)
def test_phrase(tie, viewpoint, expected):
    assert phrase(tie, viewpoint) == expected


def test_what_and_verb_for_mixed_arms():
    tie = {**ARMS, "subtype": "mixed"}
    assert what(tie) == "arms" and verb(tie, "RUS") == "gets arms from"

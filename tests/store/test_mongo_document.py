"""The MongoDB store's document keys and sort encodings, and its Python evaluation of MongoDB filters."""

from __future__ import annotations

import random

from server.search.index import DateEntry, GeoEntry, StringEntry, TokenEntry
from server.store.mongo.document import cells_covering, index_fields, reverse_text
from server.store.mongo.match import matches, relax


def test_reverse_text_reverses_code_point_order_prefixes_included() -> None:
    rng = random.Random(5)
    alphabet = ["a", "b", "é", "z", " ", "0", "\ud7ff", "\ue000", "\U0001f600", "\U0010fffe"]
    words = {"", "a", "ab", "abc", "b"} | {"".join(rng.choices(alphabet, k=rng.randint(0, 6))) for _ in range(300)}
    ordered = sorted(words)
    mirrored = sorted(words, key=reverse_text, reverse=True)
    assert mirrored == ordered
    for word in words:  # valid UTF-8, as MongoDB requires of strings
        reverse_text(word).encode("utf-8")


def test_index_fields_of_tokens_strings_groups_and_sort_keys() -> None:
    fields = index_fields(
        (
            TokenEntry("identifier", "urn:oid:1", "42"),
            TokenEntry("type", None, None, "centre hospitalier"),
            StringEntry("name", "chu de nantes", "CHU de Nantes"),
            StringEntry("name", "hotel-dieu", "Hôtel-Dieu"),
            DateEntry("period", 10.0, 20.0, group=100001),
            DateEntry("period", 5.0, 8.0, group=100002),
            GeoEntry("near", 47.21, -1.55),
        )
    )
    assert fields["tok"] == ["identifier\x1f42", "identifier\x1furn:oid:1\x1f42"]
    assert fields["str"] == ["name\x1fchu de nantes", "name\x1fhotel-dieu", "type:text\x1fcentre hospitalier"]
    assert fields["has"] == ["identifier", "name", "period"]  # a code-less token has no value
    assert [g["g"] for g in fields["grp"]] == [100001, 100002]
    assert fields["sd"] == {"identifier": "42", "name": "hotel-dieu", "period": 20.0}
    assert fields["sa"]["period"] == -5.0 and fields["sa"]["name"] == reverse_text("chu de nantes")
    assert fields["cell"] == ["0:472:-16", "1:47:-2"]


def test_cells_covering_picks_the_finest_level_within_the_limit() -> None:
    fine = [f"0:{r}:{c}" for r in (471, 472, 473) for c in (-17, -16, -15)]
    assert cells_covering(47.15, 47.35, -1.65, -1.45) == fine
    assert cells_covering(40.0, 50.0, -5.0, 8.0, limit=400) == [
        f"1:{r}:{c}" for r in range(40, 51) for c in range(-5, 9)
    ]
    assert cells_covering(-80.0, 80.0, -170.0, 170.0) is None


def test_python_evaluation_keeps_elem_match_correlated_and_relax_is_a_superset() -> None:
    doc = {
        "dt": [{"p": "a", "lo": 1, "hi": 2}, {"p": "b", "lo": 10, "hi": 20}],
        "tok": ["x"],
        "geo": {"lon": 2.35, "lat": 48.85},
    }
    same_entry = {"dt": {"$elemMatch": {"p": "a", "lo": {"$gte": 5}}}}
    assert not matches(doc, same_entry)
    assert matches(doc, relax(same_entry))  # relaxed: each condition on any entry
    assert matches(doc, {"dt": {"$elemMatch": {"p": "b", "$or": [{"lo": {"$lt": 5}}, {"hi": {"$gt": 15}}]}}})
    assert matches(doc, {"$nor": [{"tok": {"$in": ["y"]}}], "missing": {"$exists": False}})
    assert not matches(doc, {"tok": {"$nin": ["x"]}})
    paris = {"geo": {"$geoWithin": {"$centerSphere": [[2.35, 48.86], 2 / 6371.0]}}}
    assert matches(doc, paris) and relax(paris) == {}
    assert not matches(doc, {"geo": {"$geoWithin": {"$centerSphere": [[-1.55, 47.21], 100 / 6371.0]}}})

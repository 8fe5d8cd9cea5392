"""The ``_filter`` parser: every expression of the ROR spec (§2.8, §5), corners, errors, round trips."""

from __future__ import annotations

import dataclasses
import random

import pytest

from server.errors import InvalidRequest
from server.search.filter import (
    MAX_NESTING,
    FilterAnd,
    FilterCompare,
    FilterExpr,
    FilterNot,
    FilterOr,
    FilterSyntaxError,
    format_filter,
    parse_filter,
    to_fhir_error,
)

NOS = "https://mos.esante.gouv.fr/NOS"
R211 = f"{NOS}/TRE_R211-ActiviteOperationnelle/FHIR/TRE-R211-ActiviteOperationnelle"
R244 = f"{NOS}/TRE_R244-CategorieOrganisation/FHIR/TRE-R244-CategorieOrganisation"
R66 = f"{NOS}/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement"
R13 = f"{NOS}/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM"
R352 = f"{NOS}/TRE_R352-StatutMetierAnomalie/FHIR/TRE-R352-StatutMetierAnomalie"
AGE = "35|https://unitsofmeasure.org|a"


def cmp(param: str, op: str, *values: str) -> FilterCompare:
    return FilterCompare(param, op, values)


# Verbatim from the spec: §5.1, §5.2, §5.3, §5.6, §5.7, then the §2.8 shorthand forms.
SPEC_EXAMPLES: list[tuple[str, FilterExpr]] = [
    (
        '(address-postalcode eq "22" or "29" or "35" or "36")',
        cmp("address-postalcode", "eq", "22", "29", "35", "36"),
    ),
    ("(_id eq 140 or 141)", cmp("_id", "eq", "140", "141")),
    ("(identifier eq 11/339772 or 11/347254)", cmp("identifier", "eq", "11/339772", "11/347254")),
    (
        "(_lastUpdated ge 2022-11-06T15:00 or organization._lastUpdated:above ge 2022-11-06T15:00)",
        FilterOr(
            (
                cmp("_lastUpdated", "ge", "2022-11-06T15:00"),
                cmp("organization._lastUpdated:above", "ge", "2022-11-06T15:00"),
            )
        ),
    ),
    (
        f"(specialty eq {R211}|005 or {R211}|481)",
        cmp("specialty", "eq", f"{R211}|005", f"{R211}|481"),
    ),
    (
        f"(((service-category eq {R244}|102) or (specialty eq {R211}|233)) and "
        f"(age-range-low le {AGE} and age-range-high ge {AGE}))",
        FilterAnd(
            (
                FilterOr(
                    (cmp("service-category", "eq", f"{R244}|102"), cmp("specialty", "eq", f"{R211}|233"))
                ),
                cmp("age-range-low", "le", AGE),
                cmp("age-range-high", "ge", AGE),
            )
        ),
    ),
    (
        f"((organization.type:above eq {R66}|189) or (service-category eq {R244}|62))",
        FilterOr(
            (cmp("organization.type:above", "eq", f"{R66}|189"), cmp("service-category", "eq", f"{R244}|62"))
        ),
    ),
    (
        '(location.address-postalcode eq "60000" or "76620")',
        cmp("location.address-postalcode", "eq", "60000", "76620"),
    ),
    (
        f"(location.commune-cog eq {R13}|18000 OR location.commune-cog eq {R13}|13013)",
        FilterOr(
            (
                cmp("location.commune-cog", "eq", f"{R13}|18000"),
                cmp("location.commune-cog", "eq", f"{R13}|13013"),
            )
        ),
    ),
    (
        f"(_has:Task:focus:business-status eq {R352}|02 or {R352}|10)",
        cmp("_has:Task:focus:business-status", "eq", f"{R352}|02", f"{R352}|10"),
    ),
    (
        "(_content=cardio or location._content=cardio)",
        FilterOr((cmp("_content", "eq", "cardio"), cmp("location._content", "eq", "cardio"))),
    ),
    (
        "(identifier eq urn:oid:1.2.250.1.71.4.2.1|10001234567 or urn:oid:1.2.250.1.71.4.2.1|10009876543)",
        cmp(
            "identifier",
            "eq",
            "urn:oid:1.2.250.1.71.4.2.1|10001234567",
            "urn:oid:1.2.250.1.71.4.2.1|10009876543",
        ),
    ),
    ("(specialty eq SYS|005 or SYS|481)", cmp("specialty", "eq", "SYS|005", "SYS|481")),
    (
        "(((service-category eq …|102) or (specialty eq …|233)) and "
        "(age-range-low le 35|https://unitsofmeasure.org|a and age-range-high ge 35|https://unitsofmeasure.org|a))",
        FilterAnd(
            (
                FilterOr((cmp("service-category", "eq", "…|102"), cmp("specialty", "eq", "…|233"))),
                cmp("age-range-low", "le", AGE),
                cmp("age-range-high", "ge", AGE),
            )
        ),
    ),
    (
        "((organization.type:above eq …TRE-R66…|189) or (service-category eq …|62))",
        FilterOr(
            (cmp("organization.type:above", "eq", "…TRE-R66…|189"), cmp("service-category", "eq", "…|62"))
        ),
    ),
    (
        "(location.commune-cog eq …|18000 OR location.commune-cog eq …|13013)",
        FilterOr(
            (cmp("location.commune-cog", "eq", "…|18000"), cmp("location.commune-cog", "eq", "…|13013"))
        ),
    ),
    (
        "(identifier eq urn:oid:…|100… or urn:oid:…|100…)",
        cmp("identifier", "eq", "urn:oid:…|100…", "urn:oid:…|100…"),
    ),
    (
        "(_has:Task:focus:business-status eq …|02 or …|10)",
        cmp("_has:Task:focus:business-status", "eq", "…|02", "…|10"),
    ),
]

MORE_VALID = [
    "a eq 1 or b eq 2 and not (c eq 3 or d eq 4)",
    'name co "a \\"quoted\\" name" and name sw "x\\\\y"',
    "(a eq 1 and (b eq 2 and (c eq 3 or (d eq 4 or e eq 5))))",
    "p eq A or B and q ne C or D or r=E",
    "not (not (a eq 1))",
    "name eq f(x) or g(h(y))",
    'name eq "x" or y or "z z"',
]


@pytest.mark.parametrize(("text", "expected"), SPEC_EXAMPLES, ids=[t for t, _ in SPEC_EXAMPLES])
def test_spec_examples_parse(text: str, expected: FilterExpr) -> None:
    assert parse_filter(text) == expected


@pytest.mark.parametrize("text", [t for t, _ in SPEC_EXAMPLES] + MORE_VALID)
def test_round_trip(text: str) -> None:
    parsed = parse_filter(text)
    canonical = format_filter(parsed)
    assert parse_filter(canonical) == parsed
    assert format_filter(parse_filter(canonical)) == canonical


def test_canonical_form() -> None:
    assert format_filter(parse_filter("(_content=cardio OR location._content=cardio)")) == (
        "_content eq cardio or location._content eq cardio"
    )
    assert (
        format_filter(parse_filter('( a EQ "x y"  AND (b eq 1 or c eq 2) )'))
        == 'a eq "x y" and (b eq 1 or c eq 2)'
    )
    assert format_filter(parse_filter("NOT(a eq 1)")) == "not (a eq 1)"
    assert format_filter(cmp("p", "eq", "or", "Not", "x")) == 'p eq "or" or "Not" or x'


def test_format_of_hand_built_nested_groups() -> None:
    a, b, c = cmp("a", "eq", "1"), cmp("b", "eq", "2"), cmp("c", "eq", "3")
    nested_and = FilterAnd((FilterAnd((a, b)), FilterOr((FilterOr((a, b)), c))))
    assert format_filter(nested_and) == "a eq 1 and b eq 2 and (a eq 1 or b eq 2 or c eq 3)"
    assert parse_filter(format_filter(nested_and)) == FilterAnd((a, b, FilterOr((a, b, c))))


@pytest.mark.parametrize(
    "value",
    [
        f"{R211}|005",
        "2022-11-06T15:00",
        "2024-01-01T00:00:00+01:00",
        AGE,
        "11/339772",
        "urn:oid:1.2.250.1.71.4.2.1|10001234567",
        "ge200|http://unitsofmeasure.org|kg",
        "Centre-Hospitalier_d'Angers",
    ],
)
def test_bare_values_come_through_unchanged(value: str) -> None:
    assert parse_filter(f"(p eq {value})") == cmp("p", "eq", value)
    assert parse_filter(f"p eq x or {value}") == cmp("p", "eq", "x", value)


# -- precedence, grouping, not -----------------------------------------------------------------


def test_and_binds_tighter_than_or() -> None:
    a, b, c = cmp("a", "eq", "1"), cmp("b", "eq", "2"), cmp("c", "eq", "3")
    assert parse_filter("a eq 1 or b eq 2 and c eq 3") == FilterOr((a, FilterAnd((b, c))))
    assert parse_filter("a eq 1 and b eq 2 or c eq 3") == FilterOr((FilterAnd((a, b)), c))
    assert parse_filter("a eq 1 and (b eq 2 or c eq 3)") == FilterAnd((a, FilterOr((b, c))))


def test_groups_of_the_same_kind_are_flattened() -> None:
    a, b, c, d = (cmp(name, "eq", "1") for name in "abcd")
    assert parse_filter("(a eq 1 and b eq 1) and (c eq 1 and d eq 1)") == FilterAnd((a, b, c, d))
    assert parse_filter("((a eq 1 or b eq 1)) or c eq 1") == FilterOr((a, b, c))
    assert parse_filter("(((a eq 1)))") == a


def test_not() -> None:
    a, b = cmp("a", "eq", "1"), cmp("b", "eq", "2")
    assert parse_filter("not (a eq 1)") == FilterNot(a)
    assert parse_filter("NOT(a eq 1 or b eq 2)") == FilterNot(FilterOr((a, b)))
    assert parse_filter("b eq 2 and not (a eq 1)") == FilterAnd((b, FilterNot(a)))
    assert parse_filter("b eq 2 or not (a eq 1)") == FilterOr((b, FilterNot(a)))
    assert parse_filter("not (not (a eq 1))") == FilterNot(FilterNot(a))


def test_a_parameter_named_not_is_still_a_comparison() -> None:
    assert parse_filter("not eq 1") == cmp("not", "eq", "1")


def test_keywords_and_operators_are_case_insensitive() -> None:
    assert parse_filter("a EQ 1 Or 2 AND b Ge 3 oR c=4") == FilterOr(
        (FilterAnd((cmp("a", "eq", "1", "2"), cmp("b", "ge", "3"))), cmp("c", "eq", "4"))
    )


@pytest.mark.parametrize(
    "op",
    [
        "eq",
        "ne",
        "co",
        "sw",
        "ew",
        "gt",
        "lt",
        "ge",
        "le",
        "ap",
        "sa",
        "eb",
        "pr",
        "po",
        "ss",
        "sb",
        "in",
        "ni",
        "re",
    ],
)
def test_every_comparison_operator(op: str) -> None:
    assert parse_filter(f"x {op} v") == cmp("x", op, "v")


def test_whitespace_is_flexible() -> None:
    expected = FilterOr((cmp("a", "eq", "1"), cmp("b", "eq", "2")))
    assert parse_filter("(a eq 1)or(b eq 2)") == expected
    assert parse_filter("  a\teq\n1   or  b = 2  ") == expected


# -- value lists -------------------------------------------------------------------------------


def test_value_list_versus_new_comparison_after_or() -> None:
    assert parse_filter("p eq A or B") == cmp("p", "eq", "A", "B")
    assert parse_filter("p eq A or B or q eq C") == FilterOr((cmp("p", "eq", "A", "B"), cmp("q", "eq", "C")))
    assert parse_filter("p eq A or q=C") == FilterOr((cmp("p", "eq", "A"), cmp("q", "eq", "C")))
    assert parse_filter("p eq A or (q eq C)") == FilterOr((cmp("p", "eq", "A"), cmp("q", "eq", "C")))
    assert parse_filter("p eq A or not (q eq C)") == FilterOr(
        (cmp("p", "eq", "A"), FilterNot(cmp("q", "eq", "C")))
    )
    # A quoted word is always a value, even one that reads like a parameter.
    assert parse_filter('p eq A or "q" or "not"') == cmp("p", "eq", "A", "q", "not")


def test_value_list_is_one_unit_under_and() -> None:
    assert parse_filter("p eq A or B and q eq C") == FilterAnd(
        (cmp("p", "eq", "A", "B"), cmp("q", "eq", "C"))
    )


# -- quoted and bare values --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        ('"60000"', "60000"),
        ('"say \\"hi\\""', 'say "hi"'),
        ('"back\\\\slash"', "back\\slash"),
        ('"a\\/b\\tc\\nd"', "a/b\tc\nd"),
        ('"caf\\u00e9"', "café"),
        ('"\\ud83d\\ude00"', "\U0001f600"),
        ('"a ) or b eq c"', "a ) or b eq c"),
        ('""', ""),
    ],
)
def test_quoted_values(literal: str, value: str) -> None:
    assert parse_filter(f"(name eq {literal})") == cmp("name", "eq", value)


def test_bare_value_keeps_balanced_parentheses() -> None:
    assert parse_filter("(name eq f(x))") == cmp("name", "eq", "f(x)")


@pytest.mark.parametrize(
    "values",
    [
        ("",),
        ("a b", "c\td"),
        ('x"y', "back\\slash"),
        ("and", "OR", "Not"),
        ("a=b", "q eq c"),
        ("(x", "y)", "[z]"),
        ("line\nbreak", "\x01", "é", "\U0001f600"),
    ],
)
def test_format_quotes_values_that_need_it(values: tuple[str, ...]) -> None:
    expr = FilterAnd((FilterCompare("p", "eq", values), FilterCompare("q", "ne", values)))
    assert parse_filter(format_filter(expr)) == expr


_VALUE_PIECES = [
    "a",
    "Z9",
    "|",
    "/",
    ":",
    " ",
    "\t",
    '"',
    "\\",
    "(",
    ")",
    "=",
    "or",
    "and",
    "not",
    "eq",
    "é",
    "-",
]
_PARAMS = ["specialty", "organization._lastUpdated:above", "_has:Task:focus:business-status", "not", "or"]


def _random_filter(rng: random.Random, depth: int) -> FilterExpr:
    """A random expression in parsed (canonical) shape: groups of 2+ items, none directly in its own kind."""
    kind = rng.choice(["compare", "and", "or", "not"] if depth else ["compare"])
    if kind == "compare":
        values = tuple(
            "".join(rng.choices(_VALUE_PIECES, k=rng.randint(0, 4))) for _ in range(rng.randint(1, 3))
        )
        return FilterCompare(rng.choice(_PARAMS), rng.choice(["eq", "ne", "sw", "ge"]), values)
    if kind == "not":
        return FilterNot(_random_filter(rng, depth - 1))
    group = FilterAnd if kind == "and" else FilterOr
    items: list[FilterExpr] = []
    count = rng.randint(2, 3)
    while len(items) < count:
        item = _random_filter(rng, depth - 1)
        if not isinstance(item, group):
            items.append(item)
    return group(tuple(items))


def test_random_expressions_round_trip_through_format() -> None:
    rng = random.Random(20240601)
    for _ in range(500):
        expr = _random_filter(rng, depth=3)
        assert parse_filter(format_filter(expr)) == expr, format_filter(expr)


def test_ast_nodes_are_frozen_and_hashable() -> None:
    node = cmp("a", "eq", "1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        node.op = "ne"  # type: ignore[misc]
    assert len({parse_filter("a eq 1 and b eq 2"), parse_filter("(a EQ 1) AND (b eq 2)")}) == 1


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ("", 0, "empty _filter"),
        ("   ", 3, "empty _filter"),
        ("(a eq 1", 7, "expected 'and', 'or' or ')' closing the '(' at character 1"),
        ("((a eq 1) or (b eq 2)", 21, "closing the '(' at character 1"),
        ("a eq 1)", 6, "unbalanced ')'"),
        ("(a eq 1))", 8, "unbalanced ')'"),
        ("()", 1, "expected a filter inside '(' ')'"),
        ("a eq", 4, "expected a value after 'eq', found the end of the filter"),
        ("(a eq )", 6, "expected a value after 'eq', found ')'"),
        ("a =", 3, "expected a value after 'eq'"),
        ("a foo 1", 2, "expected a comparison operator (eq ne co"),
        ("a 1", 2, "found '1'"),
        ("a", 1, "expected a comparison operator"),
        ("a eq1", 4, "expected a space after the operator 'eq'"),
        ("a eq(1)", 4, "expected a space after the operator 'eq'"),
        ("a eq 1 or", 9, "expected a search parameter name, '(' or 'not', found the end of the filter"),
        ("a eq 1 and", 10, "expected a search parameter name"),
        ("a eq 1 and b", 12, "expected a comparison operator"),
        ("a eq 1 b", 7, "expected 'and', 'or' or the end of the filter, found 'b'"),
        ("a eq 1 or B and C", 17, "expected a comparison operator"),
        ('"a" eq 1', 0, "expected a search parameter name"),
        ("1a eq 1", 0, "expected a search parameter name"),
        ("sp|ec eq 1", 2, "expected a space or '=' after the parameter name 'sp'"),
        ("not a eq 1", 4, "expected '(' after 'not'"),
        ('a eq "open', 5, "unterminated quoted value"),
        ('a eq "x"y', 8, "expected a space or ')' after the closing quote"),
        ('a eq "\\q"', 6, "invalid escape '\\q'"),
        ('a eq "\\u12"', 8, "expected 4 hexadecimal digits"),
        ("related[type eq x].target eq 1", 7, "sub-filters '[...]' in parameter paths are not supported"),
    ],
)
def test_syntax_errors(text: str, position: int, message: str) -> None:
    with pytest.raises(FilterSyntaxError) as caught:
        parse_filter(text)
    assert caught.value.position == position
    assert message in str(caught.value)
    assert f"(at character {position + 1})" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_nesting_is_bounded_without_recursion_errors() -> None:
    at_limit = "(" * MAX_NESTING + "a eq 1" + ")" * MAX_NESTING
    assert parse_filter(at_limit) == cmp("a", "eq", "1")
    with pytest.raises(FilterSyntaxError, match="nested deeper than"):
        parse_filter("(" * 5000 + "a eq 1" + ")" * 5000)
    with pytest.raises(FilterSyntaxError, match="nested deeper than"):
        parse_filter("not (" * 5000 + "a eq 1" + ")" * 5000)


def test_to_fhir_error() -> None:
    with pytest.raises(FilterSyntaxError) as caught:
        parse_filter("(specialty foo X)")
    error = to_fhir_error(caught.value)
    assert isinstance(error, InvalidRequest)
    assert error.status == 400
    assert error.issue() == {
        "severity": "error",
        "code": "invalid",
        "diagnostics": "Invalid _filter: expected a comparison operator "
        "(eq ne co sw ew gt lt ge le ap sa eb pr po ss sb in ni re) "
        "or '=' after 'specialty', found 'foo' (at character 12)",
        "expression": ["_filter"],
    }

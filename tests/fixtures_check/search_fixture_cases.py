"""The search conformance cases (``tests/fixtures/search/cases.json``), written by ``python -m scripts.make_demo``.

One case per example request of ``spec/ror-fhir-api.md`` §4.2 and §5.1-5.10 (``[BASE]`` removed, placeholders
replaced by values of the data set of ``search_fixture_data.py``, doc typos corrected as §9 recommends, each
correction noted), plus common search edge cases. Match lists are written by hand from the design of the data;
include lists and distances are derived mechanically from the references and positions of the data.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from server.demo.builders import Json, system
from server.demo.communes import Commune
from tests.fixtures_check.search_fixture_facts import Dataset, fold, mentions

SAINT_HERBLAIN = "44162"
NEAR_POINT = (47.21827323906432, -1.6369631507460436)
INC = ("&_include=HealthcareService:organization&_include:iterate=Organization:partof"
       "&_include=HealthcareService:location&_revinclude=PractitionerRole:service"
       "&_include=PractitionerRole:practitioner")

SEMANTICS = [
    "Criteria on capacity (location.capacity-*, nb-capacity, gender, temporality...), price (organization.price-*,"
    " special-price) and equipment (equipment-type, equipment-feature, limit-value) sharing a chain prefix must"
    " hold on the same extension repetition (correlated matching).",
    ":above on a chained organization parameter evaluates the parameter on providedBy and all its partOf"
    " ancestors; organization.identifier:above also matches offers of any organization below the named one.",
    "_include=PractitionerRole:practitioner (and every non-iterate _include) also applies to rev-included"
    " resources; _include:iterate applies to every resource of the result until nothing new is found.",
    "String search is accent- and case-insensitive starts-with, including 'eq' inside _filter (postal codes).",
    "A token without system matches any system; system|code needs both.",
    "near and near-insee-code: haversine distance (Earth radius 6371 km) from the point or the commune centroid"
    " (shared/geo/communes.csv) to Location.position; a Location without position never matches.",
    "Quantities: the ages are stored with system TRE_R247-UcumUniteMesure, code 'a'; queries send"
    " https://unitsofmeasure.org|a. Both (and http://unitsofmeasure.org) denote UCUM and must compare equal.",
    "Date values without time zone in queries are taken as UTC.",
    "_lastUpdated is set by the server at load time: past dates match everything, future dates nothing.",
    "The search is done with full access (profile 1): sensitive units and restricted telecoms are not redacted.",
]

SCHEMA = {
    "name": "unique case name",
    "spec": "section and example of spec/ror-fhir-api.md",
    "interaction": "'search' (default) or 'read'",
    "request": "relative URL ([BASE] removed); not percent-encoded except where the published example was",
    "status": "expected HTTP status",
    "match": "set of 'Type/id' expected with search.mode=match (for a read: the resource returned)",
    "ordered": "true when the order of 'match' must be respected",
    "include": "exact set of 'Type/id' expected with search.mode=include",
    "total": "expected Bundle.total when it differs from the size of 'match' (paging, _summary=count)",
    "page_size": "number of match entries expected on the first page; they are drawn from 'match'",
    "sorted_by": "element the matches must be sorted by ('-' = descending) when the order depends on load time",
    "distances_km": "location-distance value (km, +-0.05) expected on these Location entries",
    "corrections": "changes made to the published request (spec §9 #25)",
    "notes": "why the answer is what it is (near-misses)",
}


# ---------------------------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------------------------

def _keys(resource_type: str, *ids: str) -> list[str]:
    return [f"{resource_type}/{rid}" for rid in ids]


def _hcs(*ids: str) -> list[str]:
    return _keys("HealthcareService", *ids)


def _loc(*ids: str) -> list[str]:
    return _keys("Location", *ids)


def _org(*ids: str) -> list[str]:
    return _keys("Organization", *ids)


class _CaseList:
    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.cases: list[Json] = []

    def add(self, name: str, spec: str, request: str, match: Iterable[str], *, status: int = 200,
            notes: str = "", corrections: Iterable[str] = (), ordered: bool = False, **extra: Any) -> None:
        assert all(case["name"] != name for case in self.cases), name
        case: Json = {"name": name, "spec": spec, "request": request, "status": status}
        if status == 200:
            matched = list(match)
            unknown = [key for key in matched if key not in self.data.by_key]
            assert not unknown, f"{name}: {unknown}"
            case["match"] = matched if ordered else sorted(matched)
            if ordered:
                case["ordered"] = True
            case["include"] = self.data.included(request, matched)
        case.update(extra)
        if corrections:
            case["corrections"] = list(corrections)
        if notes:
            case["notes"] = notes
        self.cases.append(case)


def _tok(key: str, code: str) -> str:
    return f"{system(key)}|{code}"


def build_cases(resources: list[Json], communes: dict[str, Commune]) -> Json:
    """All the cases, with the assumed semantics and the meaning of each field."""
    data = Dataset(resources, communes)
    cases = _CaseList(data)
    _location_cases(cases)
    _extraction_cases(cases)
    _criteria_cases(cases)
    _capacity_and_price_cases(cases)
    _resource_cases(cases)
    _task_and_measure_cases(cases)
    _edge_cases(cases)
    return {
        "description": "Search conformance cases for the ROR FHIR API (spec/ror-fhir-api.md §4.2, §5.1-5.10) "
                       "against tests/fixtures/search/dataset.json. Generated by scripts/make_demo.py.",
        "semantics": SEMANTICS,
        "schema": SCHEMA,
        "omitted": [
            "5.2 #1bis and #1ter ($export) are asynchronous bulk operations, not searches.",
            "5.8 and 5.9 writes (POST/PUT/PATCH) are not searches.",
        ],
        "cases": cases.cases,
    }


def _location_cases(c: _CaseList) -> None:
    data = c.data
    all_places = data.keys("Location")
    rev = "&_revinclude=HealthcareService:location"
    brittany = _loc("loc-itep-saint-brieuc", "loc-morlaix-cmp", "loc-bloc-morlaix", "loc-usinv-morlaix",
                    "loc-morlaix-smr", "loc-itep-brest", "loc-usinv-rennes", "loc-scp-rennes")
    c.add("location-national", "5.1 #1", "Location?_revinclude=HealthcareService:location", all_places,
          notes="Every Location; every offer that references one of them is included.")
    c.add("location-region-postal-codes", "5.1 #1bis",
          'Location?_filter=(address-postalcode eq "22" or "29" or "35" or "56")' + rev,
          [*brittany, "Location/loc-itep-lorient"],
          corrections=['"36" replaced by "56" (Bretagne = 22, 29, 35, 56; spec §5.1 calls "36" a typo)'],
          notes="eq on a postal code is starts-with. loc-ehpad-trochu (44220) contains '22' without starting with "
                "it; loc-chateauroux (36000) matches only the uncorrected request.")
    c.add("location-region-postal-codes-as-published", "5.1 #1bis",
          'Location?_filter=(address-postalcode eq "22" or "29" or "35" or "36")' + rev,
          [*brittany, "Location/loc-chateauroux"], notes="The published request, with its '36' typo.")
    c.add("location-region-tag-without-system", "5.1 #1ter", "Location?_tag=52" + rev, data.tagged("Location", "52"),
          notes="A token without system matches the region tag of TRE_R30.")
    c.add("location-one-place", "5.1 #2", "Location?identifier=52/192675" + rev, _loc("loc-nantes-cardio"),
          notes="loc-usinv-nantes has 52/1926751: tokens match exactly, not as a prefix.")
    paris = _loc("140", "141")
    c.add("location-several-ids", "5.1 #3", "Location?_id=140,141" + rev, paris)
    c.add("location-several-ids-filter", "5.1 #3", "Location?_filter=(_id eq 140 or 141)" + rev, paris)
    c.add("location-since-date", "5.1 #4", "Location?_lastUpdated=ge2023-08-02" + rev, all_places,
          notes="_lastUpdated is the load time: a past date matches every Location.")
    c.add("location-since-future-date", "5.1 #4", "Location?_lastUpdated=ge2099-01-01" + rev, [],
          notes="Variant of 5.1 #4 with a date after the load time.")
    c.add("location-places-of-known-offers", "5.1 #5", "Location?identifier=11/339772,11/347254" + rev, paris)
    c.add("location-places-of-known-offers-filter", "5.1 #5",
          "Location?_filter=(identifier eq 11/339772 or 11/347254)" + rev, paris)
    c.add("location-reverse-chain-on-offer", "5.1 (reverse criteria)",
          f"Location?_has:HealthcareService:location:specialty={_tok('R211', '356')}" + rev,
          _loc("loc-usinv-nantes", "loc-usinv-rennes", "loc-usinv-morlaix", "140"),
          notes="_has:HealthcareService:location:[PARAM] with PARAM = specialty (USINV, 356).")


def _extraction_cases(c: _CaseList) -> None:
    data = c.data
    all_offers = data.keys("HealthcareService")
    morlaix_eg = _hcs("hcs-usinv-morlaix", "hcs-ortho-morlaix", "hcs-pedopsy-morlaix", "hcs-morlaix-cmpp",
                      "hcs-morlaix-cmp")
    morlaix_oi = _hcs("hcs-smr-poly-16-35", "hcs-smr-poly-36", "hcs-smr-poly-18-34")
    c.add("offer-full-extraction", "5.2 #1", "HealthcareService?" + INC[1:], all_offers)
    c.add("offer-one-establishment", "5.2 #2", "HealthcareService?organization.identifier:above=1290004324" + INC,
          [*morlaix_eg, *morlaix_oi],
          corrections=["XX replaced by 1290004324 (idNatSt of eg-morlaix, the value of the portal's curl example)"],
          notes="Offers of eg-morlaix and of its OIs (oi-morlaix-pole > oi-morlaix-smr). Offers of the sibling "
                "EG eg-ehpad-morlaix (same EJ) are not offers of this establishment.")
    c.add("offer-one-establishment-curl", "5.2 #2 (curl)",
          "HealthcareService?organization.identifier%3Aabove=1290004324&_include=HealthcareService%3Alocation"
          "&_revinclude=PractitionerRole%3Aservice&_include=PractitionerRole%3Apractitioner"
          "&_include=HealthcareService%3Aorganization&_include%3Aiterate=Organization%3Apartof",
          [*morlaix_eg, *morlaix_oi], notes="The portal's curl URL, percent-encoded as published.")
    c.add("offer-one-legal-entity", "5.2 #2",
          f"HealthcareService?organization.identifier:above={data.identifier('Organization/ej-morlaix')}" + INC,
          [*morlaix_eg, *morlaix_oi, *_hcs("hcs-ehpad-morlaix", "hcs-sad-morlaix", "hcs-sad-soins-morlaix",
                                           "hcs-sad-taule")],
          notes="Variant of 5.2 #2 on the EJ: offers of both its EGs and of the OIs below them.")
    cardio_id = data.identifier("HealthcareService/hcs-cardio-nantes")
    c.add("offer-one-offer", "5.2 #3", f"HealthcareService?identifier={cardio_id}" + INC,
          _hcs("hcs-cardio-nantes"), corrections=[f"XXX replaced by {cardio_id}"],
          notes="The include climbs providedBy (OI service > OI pole > EG > EJ) and follows the PractitionerRole "
                "to its Practitioner.")
    c.add("offer-delta", "5.2 #4", "HealthcareService?_lastUpdated=ge2022-11-06T15:00" + INC, all_offers)
    c.add("offer-delta-future", "5.2 #4", "HealthcareService?_lastUpdated=ge2099-01-01T00:00" + INC, [],
          notes="Variant of 5.2 #4 with a date after the load time.")
    c.add("offer-delta-on-establishment", "5.2 #5",
          "HealthcareService?organization._lastUpdated:above=ge2022-11-06T15:00"
          f"&organization.type={_tok('R66', '355')}" + INC,
          _hcs("hcs-usinv-morlaix", "hcs-ortho-morlaix", "hcs-pedopsy-morlaix", "hcs-morlaix-cmpp",
               "hcs-morlaix-cmp", "hcs-usinv-paris", "hcs-ortho-paris"),
          corrections=["TRE_R66-CategorieEtablissement/FHIR/TRE_R66-CategorieEtablissement replaced by "
                       "TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement",
                       "XXX replaced by 355 (Centre hospitalier)"],
          notes="organization.type has no :above: offers of OIs under a 355 EG (hcs-smr-poly-*) do not match.")
    c.add("offer-delta-invalid-revinclude", "5.2 #6",
          "HealthcareService?_filter=(_lastUpdated ge 2022-11-06T15:00 or organization._lastUpdated:above ge "
          "2022-11-06T15:00)&_revinclude=Organization:healthcareservice" + INC, [], status=400,
          notes="Organization:healthcareservice is not an R4 search parameter.")
    c.add("offer-delta-offer-or-parent", "5.2 #6 (access pages)",
          "HealthcareService?_filter=(_lastUpdated ge 2022-11-06T15:00 or organization._lastUpdated:above ge "
          "2022-11-06T15:00)" + INC, all_offers)
    c.add("offer-partial-extraction", "5.2 #7",
          f"HealthcareService?_tag={_tok('R30', '52')}&_elements=identifier" + INC,
          data.tagged("HealthcareService", "52"), corrections=["XX replaced by 52"],
          notes="_elements trims the resources, not the result set.")
    pedopsy_id = data.identifier("HealthcareService/hcs-pedopsy-morlaix")
    c.add("offer-with-anomalies", "5.2 #8",
          f"HealthcareService?identifier={pedopsy_id}" + INC + "&_revinclude=Task:focus",
          _hcs("hcs-pedopsy-morlaix"), corrections=[f"XXX replaced by {pedopsy_id}"],
          notes="Both anomalies on the offer are included, whatever their business status.")


def _criteria_cases(c: _CaseList) -> None:
    data = c.data
    c.add("criteria-one-value", "5.3 #1", f"HealthcareService?specialty={_tok('R211', '227')}" + INC,
          _hcs("hcs-pedopsy-morlaix", "hcs-pedopsy-nantes"), notes="hcs-adopsy-nantes has 228, not 227.")
    c.add("criteria-or-list", "5.3 #2",
          f"HealthcareService?_filter=(specialty eq {_tok('R211', '005')} or {_tok('R211', '481')})" + INC,
          _hcs("hcs-allergo-nantes", "hcs-allergo-reze"), corrections=["__include replaced by _include"])
    c.add("criteria-and", "5.3 #3",
          f"HealthcareService?service-category={_tok('R244', '50')}&characteristic={_tok('R338', '01')}" + INC,
          _hcs("hcs-itep-sequentiel"),
          notes="hcs-itep-internat is an ITEP without 01; hcs-ime-sequentiel has 01 but is an IME (48).")
    ages = ("age-range-low le 35|https://unitsofmeasure.org|a and age-range-high ge 35|https://unitsofmeasure.org|a")
    c.add("criteria-or-and-age", "5.3 #4",
          f"HealthcareService?_filter=(((service-category eq {_tok('R244', '102')}) or (specialty eq "
          f"{_tok('R211', '233')})) and ({ages}))" + INC,
          _hcs("hcs-smr-loco-adultes", "hcs-smr-loco-35-60", "hcs-smr-poly-16-35"),
          notes="Near-misses: 0-17 (category 102), 36-150 and 18-34 (specialty 233). Boundaries 35-60 and 16-35 "
                "match. Ages are stored with the TRE_R247 UCUM system (see semantics).")
    c.add("criteria-hierarchy", "5.3 #5",
          f"HealthcareService?_filter=((organization.type:above eq {_tok('R66', '189')}) or (service-category eq "
          f"{_tok('R244', '62')}))&characteristic={_tok('R210', '0626')}" + INC,
          _hcs("hcs-cmpp-emas", "hcs-cmpp-bilans", "hcs-morlaix-cmpp"),
          notes="hcs-cmpp-emas (category 140) matches only through its OI's EG of category 189; "
                "hcs-morlaix-cmpp only through category 62; hcs-cmpp-orthophonie lacks act 0626; "
                "hcs-morlaix-cmp has 0626 but neither branch.")
    near = _hcs("hcs-cardio-nantes", "hcs-cardio-reze")
    for name, spec, value, point, matched in (
            ("criteria-near-commune", "5.3 #6", f"{SAINT_HERBLAIN}|15|km", data.centroid(SAINT_HERBLAIN),
             [*near, "HealthcareService/hcs-cardio-carquefou"]),
            ("criteria-near-point", "5.3 #6 (point)", "{}|{}|15|km".format(*NEAR_POINT), NEAR_POINT, near)):
        parameter = "near-insee-code" if name.endswith("commune") else "near"
        request = f"HealthcareService?specialty={_tok('R211', '013')}&location.{parameter}={value}" + INC
        places = [key for key in data.included(request, matched) if key.startswith("Location/")]
        c.add(name, spec, request, matched, distances_km=data.distances(places, point),
              notes="Carquefou is 14.62 km from the Saint-Herblain centroid but 15.41 km from the point; "
                    "Grandchamp-des-Fontaines is 15.39 / 16.12 km away.")
    c.add("criteria-intervention-zone", "5.3 #7",
          f"HealthcareService?intervention-zone={_tok('R13', '29151')}&specialty={_tok('R211', '293')}"
          f"&service-category={_tok('R244', '30')}" + INC, _hcs("hcs-sad-morlaix"),
          notes="hcs-sad-soins-morlaix covers 29151 but is category 132; hcs-sad-taule is category 30 elsewhere.")
    c.add("criteria-department", "5.3 #8",
          f"HealthcareService?location.address-postalcode=71&service-category={_tok('R244', '21')}"
          f"&characteristic={_tok('R213', '46')}&characteristic={_tok('R245', '24')}" + INC,
          _hcs("hcs-ehpad-macon"),
          notes="hcs-ehpad-chalon (71100) lacks R245 24; hcs-ehpad-saintes (17100) contains '71' without "
                "starting with it.")
    c.add("criteria-postal-codes", "5.3 #9",
          f'HealthcareService?_filter=(location.address-postalcode eq "60000" or "76620")'
          f"&specialty={_tok('R211', '017')}&characteristic={_tok('R210', '0529')}" + INC,
          _hcs("hcs-bariatric-beauvais", "hcs-bariatric-havre"),
          notes="hcs-bariatric-beauvais-sleeve is in 60000 with act 0530 only.")
    general = f"&specialty={_tok('R211', '437')}&characteristic={_tok('R213', '32')}" + INC
    consult = ["032 replaced by 32 (the TRE_R213 code is '32')"]
    c.add("criteria-communes", "5.3 #10",
          f"HealthcareService?_filter=(location.commune-cog eq {_tok('R13', '18000')} OR location.commune-cog eq "
          f"{_tok('R13', '13013')})" + general, _hcs("hcs-mg-belcodene"), corrections=consult,
          notes="18000 and 13013 are postal codes of Bourges and Marseille 13e; as COG codes 18000 is no commune "
                "and 13013 is Belcodène. hcs-mg-bourges (COG 18033) and hcs-mg-marseille (COG 13213) do not match.")
    c.add("criteria-communes-token-list", "5.3 #10 (2)",
          f"HealthcareService?location.commune-cog={_tok('R13', '18000')},13013" + general,
          _hcs("hcs-mg-belcodene"), corrections=[*consult, "… systems written out"],
          notes="The second value has no system: it matches any system.")
    c.add("criteria-communes-intended", "5.3 #10 (COG of the intended cities)",
          f"HealthcareService?location.commune-cog={_tok('R13', '18033')},{_tok('R13', '13213')}" + general,
          _hcs("hcs-mg-bourges", "hcs-mg-marseille"),
          notes="Variant with the COG codes of Bourges and Marseille 13e; hcs-mg-chateauroux does not match.")
    c.add("criteria-me-attribute", "5.3 #11", f"HealthcareService?characteristic={_tok('R243', '05')}" + INC,
          _hcs("hcs-cmpp-bilans"), notes="hcs-morlaix-cmp has code 05 of TRE_R245, another system.")
    statuses = f"{_tok('R352', '02')} or {_tok('R352', '10')}"
    c.add("criteria-open-anomalies", "5.3 #12",
          f"HealthcareService?_tag={_tok('R30', '53')}&_filter=(_has:Task:focus:business-status eq {statuses})"
          + INC + "&_revinclude=Task:focus",
          _hcs("hcs-pedopsy-morlaix", "hcs-ortho-morlaix"), corrections=["XX replaced by 53"],
          notes="hcs-usinv-rennes only has a corrected (08) anomaly; hcs-cardio-nantes has an open one but is in "
                "region 52; task-eg-morlaix focuses an Organization.")
    c.add("criteria-offers-of-a-professional", "5.3 #13",
          "HealthcareService?_has:PractitionerRole:service:practitioner.identifier="
          "urn:oid:1.2.250.1.71.4.2.1|10001234567" + INC, _hcs("hcs-cardio-nantes", "hcs-cardio-reze"),
          corrections=["XXX replaced by urn:oid:1.2.250.1.71.4.2.1|10001234567 (Practitioner/245876)"])
    c.add("criteria-full-text", "5.6 #1", "HealthcareService?_content=cardio" + INC, _content_matches(data),
          notes="Every offer mentioning 'cardio' (names, displays); 'cardio' never occurs inside a word.")
    c.add("criteria-full-text-with-place", "5.6 #2",
          "HealthcareService?_filter=(_content=cardio or location._content=cardio)" + INC,
          [*_content_matches(data), "HealthcareService/hcs-mpr-nantes"],
          notes="hcs-mpr-nantes does not mention 'cardio' but its Location is 'Bâtiment Cardiologie'.")


def _content_matches(data: Dataset) -> list[str]:
    expected = _hcs("hcs-cardio-nantes", "hcs-cardio-reze", "hcs-cardio-carquefou", "hcs-cardio-grandchamp")
    assert sorted(data.where("HealthcareService", lambda r: mentions(r, "cardio"))) == sorted(expected)
    return expected


def _capacity_and_price_cases(c: _CaseList) -> None:
    bed = _tok("R329", "01")
    female_now = (f"gender-capacity-available={_tok('R332', '01')}&temporality-capacity={_tok('R331', '01')}"
                  f"&capacity-status={_tok('R330', '02')}")
    chained = "&".join(f"location.{p}" for p in female_now.split("&"))
    c.add("capacity-free-female-bed", "4.2 / 5.4 #1",
          f"HealthcareService?specialty={_tok('R211', '356')}&location.capacity-type={bed}&{chained}"
          "&location.nb-capacity=gt0&_include=HealthcareService:location", _hcs("hcs-usinv-nantes"),
          corrections=["XXX replaced by 356 (USINV)"],
          notes="Correlated matching. Plain FHIR would also return hcs-usinv-rennes (its available beds are male, "
                "the female record has 0), hcs-usinv-morlaix (female beds only in the 24 h forecast) and "
                "hcs-usinv-paris (female availability counted in places).")
    c.add("capacity-free-female-bed-on-location", "4.2 (Location)",
          f"Location?capacity-type={bed}&{female_now}&nb-capacity=gt0&_revinclude=HealthcareService:location",
          _loc("loc-usinv-nantes"), notes="The same criteria searched on Location directly.")
    c.add("capacity-closed-reopenable", "5.4 #2",
          f"HealthcareService?specialty={_tok('R211', '391')}&location.capacity-type={bed}"
          f"&location.capacity-closing-type={_tok('R333', '01')}&location.capacity-status={_tok('R330', '05')}"
          "&location.nb-capacity=gt0&_include=HealthcareService:location", _hcs("hcs-scp-nantes"),
          notes="hcs-scp-rennes has closed beds that cannot reopen (3) and a reopenable record at 0.")
    c.add("capacity-equipment-limit", "5.4 #3",
          f"HealthcareService?specialty={_tok('R211', '025')}&location.equipment-type={_tok('R212', '088')}"
          f"&location.equipment-feature={_tok('R340', '001')}&location.limit-value=ge200|http://unitsofmeasure.org|kg"
          "&_include=HealthcareService:location", _hcs("hcs-ortho-nantes", "hcs-ortho-paris"),
          notes="Paris is exactly 200 kg. hcs-ortho-morlaix: table 088 limited to 150 kg, 250 kg only on bed 089.")
    place = "&_include=HealthcareService:location"
    fix_case = "Healthcareservice:location replaced by HealthcareService:location"
    c.add("price-sorted-by-validity", "5.5 #1",
          f"HealthcareService?organization.price-type={_tok('R246', '02')}&organization.price-amount-value=lt70"
          "&_sort=-organization.price-validity-start-date" + place,
          _hcs("hcs-ehpad-clos-fleuri", "hcs-ehpad-glycines", "hcs-ehpad-bellevue"), ordered=True,
          corrections=["X replaced by 70", fix_case],
          notes="Validity starts 2025-01-01, 2024-01-01, 2022-09-01. hcs-ehpad-tilleuls: basic price 80, only the "
                "day-care price (05) is under 70; hcs-ehpad-trochu: 75.")
    c.add("price-residential-type", "5.5 #2",
          f"HealthcareService?organization.price-type={_tok('R246', '02')}&organization.price-amount-value=le62"
          f"&organization.price-residential-type={_tok('R242', '03')}"
          f"&organization.special-price={_tok('R250', '03')}" + place, _hcs("hcs-ehpad-clos-fleuri"),
          corrections=["X replaced by 62", fix_case],
          notes="le is inclusive (62.00). hcs-ehpad-bellevue has F1 at 60 (public price) and ASH at 65 "
                "(single room): no single price satisfies all criteria.")
    c.add("price-dependency", "5.5 #3",
          f"HealthcareService?organization.price-type={_tok('R246', '03')}&organization.price-amount-value=lt10"
          f"&organization.price-dependency-level={_tok('R237', '02')}"
          f"&organization.price-welcome-type={_tok('R240', '02')}" + place, _hcs("hcs-ehpad-glycines"),
          corrections=["XR replaced by 10", fix_case],
          notes="hcs-ehpad-clos-fleuri: GIR 3-4 at 5.90 but temporary welcome; hcs-ehpad-trochu: GIR 3-4 at "
                "12.40, only GIR 1-2 under 10.")


def _resource_cases(c: _CaseList) -> None:
    data = c.data
    organizations = data.keys("Organization")
    c.add("organization-all", "5.7 Organization", "Organization", organizations)
    c.add("organization-include-parent", "5.7 Organization", "Organization?_include=Organization:partof",
          organizations, notes="Every parent is already a match: nothing is included.")
    c.add("organization-revinclude-offers", "5.7 Organization",
          "Organization?_revinclude=HealthcareService:organization", organizations)
    c.add("organization-revinclude-roles", "5.7 Organization",
          "Organization?_revinclude=PractitionerRole:organization", organizations)
    c.add("organization-finess", "5.7 Organization", "Organization?identifier=750000001", _org("eg-paris"),
          notes="Its idNatSt 1750000001 contains the value but is another token.")
    c.add("organization-with-parent", "5.7 Organization",
          "Organization?identifier=1290004324&_include=Organization:partof", _org("eg-morlaix"))
    chu = _org("eg-nantes-hd", "eg-rennes", "eg-ehpad-trochu")
    assert sorted(data.where("Organization", lambda r: "chu" in fold(r["name"]))) == sorted(chu)
    c.add("organization-name-contains", "5.7 Organization", "Organization?name:contains=chu", chu,
          notes="'EHPAD Résidence Trochu' contains 'chu' inside a word; 'Centre Hospitalier Universitaire' does not "
                "contain 'chu'.")
    c.add("organization-name", "5.7 Organization", "Organization?name=Centre Hospitalier Universitaire de Nantes",
          _org("ej-nantes", "eg-nantes-laennec"),
          notes="Starts-with, case-insensitive: the Laennec EG name continues after the searched text.")
    c.add("organization-name-exact", "edge: name:exact",
          "Organization?name:exact=Centre Hospitalier Universitaire de Nantes", _org("ej-nantes"))
    c.add("organization-since", "5.7 Organization", "Organization?_lastUpdated=ge2026-06-01", organizations)
    c.add("organization-in-june-2026", "5.7 Organization",
          "Organization?_lastUpdated=ge2026-06-01&_lastUpdated=le2026-06-30", [],
          notes="The data is loaded after June 2026.")
    c.add("organization-category", "5.7 Organization", f"Organization?type={_tok('R66', '101')}",
          _org("eg-nantes-hd", "eg-nantes-laennec", "eg-rennes"), notes="OIs do not inherit the category.")
    c.add("organization-oi-type-as-documented", "5.7 Organization", f"Organization?type={_tok('R213', '032')}", [],
          notes="The portal says OI types come from TRE_R213; they come from TRE_R207 (JDV-J203), so nothing "
                "matches. Accepted (200), empty.")
    c.add("organization-oi-type", "5.7 Organization (TRE_R207)", f"Organization?type={_tok('R207', '2')}",
          data.where("Organization", lambda r: any(cc["coding"][0]["code"] == "2" and "R207" in cc["coding"][0]
                                                   ["system"] for cc in r["type"])),
          notes="Variant with the system of JDV-J203: OIs of level 'service'.")
    c.add("organization-region", "5.7 Organization", f"Organization?_tag={_tok('R30', '11')}",
          _org("ej-paris", "eg-paris"))
    c.add("organization-region-and-category", "5.7 Organization",
          f"Organization?_tag={_tok('R30', '52')}&type={_tok('R66', '101')}", _org("eg-nantes-hd", "eg-nantes-laennec"),
          notes="eg-rennes is a CHR/CHU in region 53.")
    offers = data.keys("HealthcareService")
    c.add("offer-all", "5.7 HealthcareService", "HealthcareService", offers)
    c.add("offer-include-organization", "5.7 HealthcareService",
          "HealthcareService?_include=HealthcareService:organization", offers)
    c.add("offer-since", "5.7 HealthcareService", "HealthcareService?_lastUpdated=ge2022-11-06T15:00", offers)
    c.add("offer-department", "5.7 HealthcareService",
          f"HealthcareService?location.address-postalcode=71&service-category={_tok('R244', '21')}",
          _hcs("hcs-ehpad-macon", "hcs-ehpad-chalon"), corrections=["… system written out"])
    c.add("offer-postal-codes", "5.7 HealthcareService",
          f'HealthcareService?_filter=(location.address-postalcode eq "60000" or "76620")'
          f"&specialty={_tok('R211', '017')}",
          _hcs("hcs-bariatric-beauvais", "hcs-bariatric-beauvais-sleeve", "hcs-bariatric-havre"),
          corrections=["… system written out"])
    c.add("offer-region", "5.7 HealthcareService", f"HealthcareService?_tag={_tok('R30', '93')}",
          _hcs("hcs-mg-belcodene", "hcs-mg-marseille"), corrections=["XX replaced by 93"])
    _location_resource_cases(c)
    _professional_cases(c)


def _location_resource_cases(c: _CaseList) -> None:
    data = c.data
    places = data.keys("Location")
    nantes_city = data.where("Location", lambda r: fold(r["address"]["city"]).startswith("nantes"))
    c.add("place-all", "5.7 Location", "Location", places)
    c.add("place-include-organization", "5.7 Location", "Location?_include=Location:organization", places,
          notes="Only loc-nantes-futur, not yet linked to an offer, has a managingOrganization.")
    c.add("place-active", "5.7 Location", "Location?status=active",
          data.where("Location", lambda r: r.get("status") == "active"),
          notes="Not loc-morlaix-smr (inactive), loc-nantes-futur (suspended), two antennas without status.")
    c.add("place-identifier", "5.7 Location", "Location?identifier=1440000065/USINV", _loc("loc-usinv-nantes"),
          corrections=["XXX replaced by 1440000065/USINV (idExterneSynchro, type 26)"])
    c.add("place-identifier-type-system", "5.7 Location (spec §9 #9)",
          "Location?identifier=https://mos.esante.gouv.fr/NOS/JDV_J236-TypologieIdentifiantLieu-ROR/FHIR/"
          "JDV-J236-TypologieIdentifiantLieu-ROR|52/192675", _loc("loc-nantes-cardio"),
          corrections=["XXX replaced by 52/192675"],
          notes="A type value set in the system slot: match the identifier value among identifiers whose type is "
                "in that value set (TRE_R354 code 25 here); the stored identifiers have no system.")
    c.add("place-identifier-include-organization", "5.7 Location",
          "Location?identifier=52/200999&_include=Location:organization", _loc("loc-nantes-futur"),
          corrections=["YYY replaced by 52/200999"])
    c.add("place-type", "5.7 Location", f"Location?type={_tok('R343', '001')}",
          data.where("Location", lambda r: "type" in r))
    c.add("place-type-consultation", "5.7 Location", f"Location?type={_tok('R343', '002')}&status=active", [],
          notes="002 (consultation) is queried by the portal but absent from TRE_R343: nothing matches.")
    c.add("place-postal-code", "5.7 Location", "Location?address-postalcode=44000",
          data.where("Location", lambda r: r["address"]["postalCode"] == "44000"),
          notes="Not 44100 (loc-ehpad-glycines) nor the CEDEX code 44093 (loc-scp-nantes).")
    c.add("place-city", "5.7 Location", "Location?address-city=Nantes", nantes_city,
          notes="Starts-with and case-insensitive: 'NANTES CEDEX 1' matches.")
    c.add("place-commune", "5.7 Location", f"Location?commune-cog={_tok('R13', '44109')}", nantes_city)
    c.add("place-postal-codes-filter", "5.7 Location", 'Location?_filter=(address-postalcode eq "60000" or "76620")',
          _loc("loc-beauvais", "loc-havre"))
    for name, parameter, point in (("place-near-point", "near={}|{}|15|km".format(*NEAR_POINT), NEAR_POINT),
                                   ("place-near-commune", f"near-insee-code={SAINT_HERBLAIN}|15|km",
                                    data.centroid(SAINT_HERBLAIN))):
        distances = data.distances(places, point)
        inside = sorted(key for key, km in distances.items() if km <= 15)
        assert all(abs(km - 15) > 0.2 for km in distances.values())
        assert ("Location/loc-cds-carquefou" in inside) == name.endswith("commune")
        c.add(name, "5.7 Location", f"Location?{parameter}", inside,
              distances_km={key: distances[key] for key in inside},
              notes="loc-cds-carquefou: 14.62 km from the Saint-Herblain centroid, 15.41 km from the point; "
                    "loc-nantes-futur has no position.")
    c.add("place-since", "5.7 Location", "Location?_lastUpdated=ge2024-01-01", places)
    c.add("place-in-january-2024", "5.7 Location",
          "Location?_lastUpdated=ge2024-01-01T00:00:00%2B01:00&_lastUpdated=le2024-01-31T23:59:59%2B01:00", [])
    c.add("place-sorted-by-update", "5.7 Location", "Location?_lastUpdated=ge2024-01-01&_sort=_lastUpdated",
          places, sorted_by="meta.lastUpdated")


def _professional_cases(c: _CaseList) -> None:
    data = c.data
    roles = data.keys("PractitionerRole")
    practitioners = data.keys("Practitioner")
    both = "&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization"
    c.add("role-all", "5.7 PractitionerRole", "PractitionerRole", roles)
    c.add("role-include", "5.7 PractitionerRole", "PractitionerRole?" + both[1:], roles)
    c.add("role-id", "5.7 PractitionerRole", "PractitionerRole?_id=753", ["PractitionerRole/753"])
    c.add("role-read", "5.7 PractitionerRole", "PractitionerRole/753", ["PractitionerRole/753"], interaction="read")
    c.add("role-identifier", "5.7 PractitionerRole", "PractitionerRole?identifier=11102379616",
          ["PractitionerRole/753"])
    c.add("role-identifier-include", "5.7 PractitionerRole", "PractitionerRole?identifier=11102379616" + both,
          ["PractitionerRole/753"])
    c.add("role-since", "5.7 PractitionerRole", "PractitionerRole?_lastUpdated=ge2023-12-01", roles)
    c.add("role-since-include", "5.7 PractitionerRole", "PractitionerRole?_lastUpdated=ge2023-12-01" + both, roles)
    c.add("role-region", "5.7 PractitionerRole", f"PractitionerRole?_tag={_tok('R30', '52')}",
          data.tagged("PractitionerRole", "52"))
    id_nat_ps = "urn:oid:1.2.250.1.71.4.2.1|"
    c.add("practitioner-all", "5.7 Practitioner", "Practitioner", practitioners)
    c.add("practitioner-identifier", "5.7 Practitioner", f"Practitioner?identifier={id_nat_ps}10001234567",
          ["Practitioner/245876"])
    c.add("practitioner-id", "5.7 Practitioner", "Practitioner?_id=245876", ["Practitioner/245876"])
    c.add("practitioner-read", "5.7 Practitioner", "Practitioner/245876", ["Practitioner/245876"],
          interaction="read")
    c.add("practitioner-since", "5.7 Practitioner", "Practitioner?_lastUpdated=ge2026-01-01", practitioners)
    c.add("practitioner-region", "5.7 Practitioner", f"Practitioner?_tag={_tok('R30', '84')}",
          ["Practitioner/prac-dumas"])
    c.add("practitioner-identifiers-filter", "5.7 Practitioner",
          f"Practitioner?_filter=(identifier eq {id_nat_ps}10001234567 or {id_nat_ps}10009876543)",
          ["Practitioner/245876", "Practitioner/prac-riou"])
    c.add("questionnaire-all", "5.7 Questionnaire", "Questionnaire", data.keys("Questionnaire"))
    c.add("questionnaire-identifier", "5.7 Questionnaire", "Questionnaire?identifier=VIL-124",
          ["Questionnaire/q-centre-sante"], corrections=["XXX replaced by VIL-124"])
    c.add("questionnaire-context", "5.7 Questionnaire", f"Questionnaire?context={_tok('R66', '124')}",
          ["Questionnaire/q-centre-sante"], notes="q-offre-mco is for categories 101 and 355.")


def _task_and_measure_cases(c: _CaseList) -> None:
    data = c.data
    pedopsy_id = data.identifier("HealthcareService/hcs-pedopsy-morlaix")
    on_pedopsy = ["Task/687", "Task/task-pedopsy-closed"]
    c.add("task-read", "5.9", "Task/687", ["Task/687"], interaction="read")
    c.add("task-focus-identifier", "5.9", f"Task?focus:HealthcareService:identifier={pedopsy_id}", on_pedopsy,
          corrections=[f"XXX replaced by {pedopsy_id}"],
          notes="Chain written with ':' as in the portal (spec §9 #10: accept it).")
    c.add("task-focus-identifier-dot", "5.9 (spec §9 #10)", f"Task?focus:HealthcareService.identifier={pedopsy_id}",
          on_pedopsy, notes="The standard chain form.")
    c.add("task-focus-offer-region", "5.9", f"Task?focus:HealthcareService:_tag={_tok('R30', '53')}",
          ["Task/687", "Task/task-ortho-morlaix", "Task/task-usinv-rennes", "Task/task-pedopsy-closed"],
          corrections=["XXX replaced by 53"])
    c.add("task-focus-organization-region", "5.9", f"Task?focus:Organization:_tag={_tok('R30', '53')}",
          ["Task/task-eg-morlaix"], corrections=["XXX replaced by 53"])
    c.add("task-all", "5.9", "Task", data.keys("Task"))
    c.add("measure-identifier", "5.10 #1", "Measure?identifier=IND-TX-OCC&_revinclude=MeasureReport:measure",
          ["Measure/measure-occupation"], corrections=["XXX replaced by IND-TX-OCC"],
          notes="MeasureReport.measure is a canonical: it is resolved through Measure.url.")
    c.add("measure-has-report", "5.10 #2",
          "Measure?_has:MeasureReport:measure:date=eq2023-10-06T15:00&_revinclude=MeasureReport:measure",
          ["Measure/measure-occupation"], notes="The report dated 2023-10-06T15:00:00Z; measure-delai has none.")


def _edge_cases(c: _CaseList) -> None:
    data = c.data
    cardio = _hcs("hcs-cardio-nantes", "hcs-cardio-reze", "hcs-cardio-carquefou", "hcs-cardio-grandchamp")
    c.add("edge-count", "edge: _count", f"HealthcareService?specialty={_tok('R211', '013')}&_count=2", cardio,
          total=4, page_size=2)
    c.add("edge-summary-count", "edge: _summary=count",
          f"HealthcareService?specialty={_tok('R211', '013')}&_summary=count", [], total=4,
          notes="No entries, only the total.")
    c.add("edge-token-without-system", "edge: token without system", "HealthcareService?specialty=013", cardio)
    c.add("edge-token-code-in-several-systems", "edge: token without system", "HealthcareService?characteristic=05",
          data.where("HealthcareService", lambda r: any(cc["coding"][0]["code"] == "05" for cc in r["characteristic"])),
          notes="Code 05 of TRE_R243 (hcs-cmpp-bilans) and of TRE_R245 (hcs-morlaix-cmp).")
    c.add("edge-tag-without-system", "edge: _tag without system", "HealthcareService?_tag=53",
          data.tagged("HealthcareService", "53"))
    c.add("edge-identifier-prefix", "edge: token is exact", "Location?identifier=52/19267", [],
          notes="No identifier equals 52/19267 (52/192675 only starts with it).")
    c.add("edge-not", "edge: :not", "Location?status:not=active",
          data.where("Location", lambda r: r.get("status") != "active"),
          notes="Includes the Locations without status.")
    c.add("edge-missing-status", "edge: :missing", "Location?status:missing=true",
          data.where("Location", lambda r: "status" not in r))
    c.add("edge-missing-location", "edge: :missing", "HealthcareService?location:missing=true",
          data.where("HealthcareService", lambda r: "location" not in r))
    c.add("edge-sort-last-updated-descending", "edge: _sort", "HealthcareService?_sort=-_lastUpdated&_count=200",
          data.keys("HealthcareService"), sorted_by="-meta.lastUpdated")

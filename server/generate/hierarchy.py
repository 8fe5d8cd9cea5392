"""One legal entity at a time: EJ -> EG -> (pole -> service -> UF) -> offers -> places -> practitioner roles.

Resources are written as soon as they are built, parents before children, so memory stays bounded by one
establishment (its staff pool) whatever the scale.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.generate import locations, organizations, practitioners, services
from server.generate.catalog.names import fill
from server.generate.catalog.offers import DISCIPLINES_BY_KEY, KINDS_BY_KEY, POLES, VILLE, Discipline, OfferKind
from server.generate.catalog.structures import (
    CABINET_OFFERS,
    ESTABLISHMENTS_BY_KEY,
    EstablishmentKind,
    GroupKind,
)
from server.generate.context import Context
from server.generate.fhir import LAST_DAY, draw_day, later
from server.generate.geography import Commune
from server.generate.organizations import POLE, SERVICE, UF, Establishment
from server.generate.practitioners import TITLED, Person, StaffPool

_SAME_DEPARTMENT = 0.65  # an EJ's further establishments mostly stay in its department
_CLOSED = 0.01  # establishments closed for good (kept in the directory with their closing date)
_OPTIONAL_MODE = 0.85  # a discipline's further care modes (day hospital, consultations...) exist this often
_EXTRA_ACTIVITY = 0.55  # a UF also offers each further activity of its discipline this often
_MAIN_STAFF = 0.6  # roles mostly go to an offer's main profession/specialty, the others are occasional
_PROFESSORS = 0.1  # share of university-hospital doctors titled "Professeur"
_UNIVERSITY = "101"


@dataclass(frozen=True, slots=True)
class _Offer:
    kind: OfferKind
    staff_count: tuple[int, int]


def _cabinet_offers(ctx: Context, key: str) -> list[_Offer]:
    """A cabinet's offers: one professional alone, or 1 to 4 disciplines of a group practice."""
    mix = CABINET_OFFERS[key]
    keys = [name for name, _ in mix]
    weights = [weight for _, weight in mix]
    if key == "cabinet":
        return [_Offer(KINDS_BY_KEY[ctx.rng.choices(keys, weights)[0]], (1, 1))]
    chosen: list[str] = []
    for _ in range(ctx.rng.choice((1, 2, 2, 3, 4))):
        drawn = ctx.rng.choices(keys, weights)[0]
        if drawn not in chosen:
            chosen.append(drawn)
    return [_Offer(KINDS_BY_KEY[name], (2, 5)) for name in chosen]


class HierarchyBuilder:
    """Builds legal entities of one region (the context's)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def legal_entity(self, group: GroupKind) -> None:
        ctx, rng = self.ctx, self.ctx.rng
        low, high, more = group.sites
        count = low
        while count < high and rng.random() < more:
            count += 1
        keys = [name for name, _ in group.establishments]
        weights = [weight for _, weight in group.establishments]
        kinds = [ESTABLISHMENTS_BY_KEY[group.first or rng.choices(keys, weights)[0]]]
        kinds.extend(ESTABLISHMENTS_BY_KEY[rng.choices(keys, weights)[0]] for _ in range(count - 1))
        home = ctx.region.draw(rng, kinds[0].draw)
        communes = [home] + [self._nearby(home, kind) for kind in kinds[1:]]
        created = draw_day(rng)
        plans = [self._offers(kind) for kind in kinds]
        owner = self._owner(kinds[0], plans[0])
        names = [self._name(kind, commune, owner if index == 0 else None) for index, (kind, commune)
                 in enumerate(zip(kinds, communes, strict=True))]
        siren = ctx.ids.siren() if group.siren else None
        ej_name = fill(group.name, rng, {"main": names[0], **self._values(home)})
        ej = organizations.legal_entity(ctx, name=ej_name, status=rng.choice(group.statuses), siren=siren,
                                        commune=home, created=created)
        for index, (kind, commune, name, plan) in enumerate(zip(kinds, communes, names, plans, strict=True)):
            self._establishment(ej, kind, commune, name, plan, siren, created, owner if index == 0 else None)

    def _nearby(self, home: Commune, kind: EstablishmentKind) -> Commune:
        rng = self.ctx.rng
        if rng.random() < _SAME_DEPARTMENT:
            return self.ctx.region.departments[home.department].draw(rng, kind.draw)
        return self.ctx.region.draw(rng, kind.draw)

    @staticmethod
    def _values(commune: Commune) -> dict[str, str]:
        return {"commune": commune.city, "department": commune.department, "chu": f"CHU de {commune.city}",
                "territory": f"du territoire de {commune.city}"}

    def _owner(self, kind: EstablishmentKind, plan: list[_Offer | Discipline]) -> Person | None:
        """The professional a one-person cabinet is named after (they also hold its role)."""
        if "{person}" not in kind.name:
            return None
        offer = plan[0]
        assert isinstance(offer, _Offer)
        return practitioners.new_practitioner(self.ctx, offer.kind.staff[0])

    def _name(self, kind: EstablishmentKind, commune: Commune, owner: Person | None) -> str:
        values = self._values(commune)
        if owner is not None:
            title = "du Dr" if owner.profession in TITLED else "de"
            values["person"] = f"{title} {owner.given} {owner.family}"
        return fill(kind.name, self.ctx.rng, values)

    def _offers(self, kind: EstablishmentKind) -> list[_Offer | Discipline]:
        """What an establishment of ``kind`` offers: each possible offer drawn with its probability."""
        rng = self.ctx.rng
        chosen = [key for key, probability in kind.offers if rng.random() < probability] or [kind.offers[0][0]]
        plan: list[_Offer | Discipline] = []
        for key in chosen:
            if key in CABINET_OFFERS:
                plan.extend(_cabinet_offers(self.ctx, key))
            elif key in DISCIPLINES_BY_KEY:
                plan.append(DISCIPLINES_BY_KEY[key])
            else:
                offer_kind = KINDS_BY_KEY[key]
                plan.append(_Offer(offer_kind, offer_kind.staff_count))
        return plan

    def _establishment(self, ej: str, kind: EstablishmentKind, commune: Commune, name: str,
                       plan: list[_Offer | Discipline], siren: str | None, ej_created: int,
                       owner: Person | None) -> None:
        ctx, rng = self.ctx, self.ctx.rng
        created = later(rng, ej_created, 120)
        closed = draw_day(rng, created + 365) if rng.random() < _CLOSED and created + 365 < LAST_DAY else None
        eg = organizations.establishment(ctx, parent=ej, kind=kind, name=name, commune=commune, created=created,
                                         siren=siren, closed=closed)
        unit = _Unit(self.ctx, eg, kind, locations.site(ctx, eg), owner)
        if kind.structure == "flat":
            for offer in plan:
                assert isinstance(offer, _Offer)
                unit.flat_offer(offer)
            return
        parent_of_services: dict[str, str] = {}
        for discipline in plan:
            assert isinstance(discipline, Discipline)
            if kind.structure == "poles" and discipline.pole not in parent_of_services:
                parent_of_services[discipline.pole] = unit.internal(eg.id, POLE, POLES[discipline.pole])
            unit.discipline(discipline, parent_of_services.get(discipline.pole, eg.id))


class _Unit:
    """Offers of one establishment, sharing its staff pool, site and unite fonctionnelle numbering."""

    def __init__(self, ctx: Context, eg: Establishment, kind: EstablishmentKind, site: str,
                 owner: Person | None) -> None:
        self.ctx = ctx
        self.eg = eg
        self.kind = kind
        self.site = site
        self.pool = StaffPool()
        self.owner = owner
        self.next_uf = ctx.rng.randint(1000, 6000)

    def internal(self, parent: str, level: str, name: str) -> str:
        created = later(self.ctx.rng, self.eg.created, 30)
        return organizations.internal_organization(self.ctx, parent=parent, level=level, name=name,
                                                   created=created, closed=self.eg.closed)

    def discipline(self, discipline: Discipline, parent: str) -> None:
        """A service with one UF per care mode; a UF offers one or more of the discipline's activities."""
        rng = self.ctx.rng
        service = self.internal(parent, SERVICE, f"Service {discipline.label}")
        for position, kind in enumerate(discipline.kinds):
            if position and rng.random() >= _OPTIONAL_MODE:
                continue
            tpl = services.template(kind)
            self.next_uf += rng.randint(1, 7)
            code = str(self.next_uf)
            uf = self.internal(service, UF, f"UF {code} {discipline.label} - {tpl.care_mode_label}")
            main = rng.choice(kind.activities)
            activities = dict.fromkeys([main, *(other for other in dict.fromkeys(kind.activities)
                                                if other != main and rng.random() < _EXTRA_ACTIVITY)])
            created = later(rng, self.eg.created, 60)
            place = self._place(kind, f"{discipline.label} - {tpl.care_mode_label}".upper(), created)
            offer = _Offer(kind, kind.staff_count)
            for activity in activities:
                index = kind.activities.index(activity)
                self._service(tpl, offer, provided_by=uf, activity=index, place=place, created=created,
                              name=f"{code} {tpl.activity_labels[index]} - {tpl.care_mode_label.upper()}")

    def flat_offer(self, offer: _Offer) -> None:
        tpl = services.template(offer.kind)
        activity = self.ctx.rng.randrange(len(tpl.activities))
        if offer.kind.champ == VILLE:  # "Cabinet du Dr ... - Médecine générale"
            name = f"{self.eg.name} - {tpl.activity_labels[activity]}"
        else:
            name = f"{offer.kind.label} - {self.eg.name}"
        created = later(self.ctx.rng, self.eg.created, 60)
        place = self._place(offer.kind, name, created)
        self._service(tpl, offer, provided_by=self.eg.id, activity=activity, name=name, place=place,
                      created=created)

    def _place(self, kind: OfferKind, zone_name: str, created: int) -> str:
        """The offer's own bed/place zone when it has capacity or equipment, else the establishment's site."""
        equipment = locations.draw_equipment(self.ctx.rng, kind)
        if kind.capacity or equipment:
            return locations.zone(self.ctx, self.eg, kind, name=zone_name, created=created, equipment=equipment)
        return self.site

    def _service(self, tpl: services.ServiceTemplate, offer: _Offer, *, provided_by: str, activity: int,
                 name: str, place: str, created: int) -> None:
        ctx, rng, eg = self.ctx, self.ctx.rng, self.eg
        service = services.service(ctx, tpl, activity=activity, name=name, provided_by=provided_by, location=place,
                                   eg=eg, created=created)
        busy: set[str] = set()
        for _ in range(rng.randint(*offer.staff_count)):
            if self.owner is not None:  # a cabinet's named professional holds its first role
                staff, person, self.owner = offer.kind.staff[0], self.owner, None
                self.pool.members.setdefault(staff, []).append(person)
            else:
                staff = offer.kind.staff[0 if rng.random() < _MAIN_STAFF else rng.randrange(len(offer.kind.staff))]
                person = practitioners.staff_member(ctx, self.pool, staff, busy)
            busy.add(person.id)
            practitioners.role(ctx, person, staff, service=service, organization=eg.id, location=place,
                               created=created, salaried=self.kind.salaried,
                               professor=self.kind.category == _UNIVERSITY and rng.random() < _PROFESSORS)

"""Vocabulary for names of people, establishments and streets, and the pattern filler that uses it."""

from __future__ import annotations

import random
import re

FAMILY_NAMES: tuple[str, ...] = (
    "MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND", "DUBOIS", "MOREAU", "LAURENT",
    "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL", "FOURNIER", "GIRARD",
    "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE", "FAURE", "ANDRE",
    "MERCIER", "BLANC", "GUERIN", "BOYER", "GARNIER", "CHEVALIER", "FRANCOIS", "LEGRAND", "GAUTHIER", "GARCIA",
    "PERRIN", "ROBIN", "CLEMENT", "MORIN", "NICOLAS", "HENRY", "ROUSSEL", "MATHIEU", "GAUTIER", "MASSON",
    "MARCHAND", "DUVAL", "DENIS", "DUMONT", "MARIE", "LEMAIRE", "NOEL", "MEYER", "DUFOUR", "MEUNIER",
    "BRUN", "BLANCHARD", "GIRAUD", "JOLY", "RIVIERE", "LUCAS", "BRUNET", "GAILLARD", "BARBIER", "ARNAUD",
    "MARTINEZ", "GERARD", "ROCHE", "RENARD", "SCHMITT", "ROY", "LEROUX", "COLIN", "VIDAL", "CARON",
    "PICARD", "ROGER", "FABRE", "AUBERT", "LEMOINE", "RENAUD", "DUMAS", "LACROIX", "OLIVIER", "PHILIPPE",
    "BOURGEOIS", "PIERRE", "BENOIT", "REY", "LECLERC", "PAYET", "ROLLAND", "LECLERCQ", "GUILLAUME", "LECOMTE",
    "LOPEZ", "JEAN", "DUPUY", "GUILLOT", "HUBERT", "BERGER", "CARPENTIER", "SANCHEZ", "DUPUIS", "MOULIN",
    "LOUIS", "DESCHAMPS", "HUET", "VASSEUR", "PEREZ", "BOUCHER", "FLEURY", "ROYER", "KLEIN", "JACQUET",
    "ADAM", "PARIS", "POIRIER", "MARTY", "AUBRY", "GUYOT", "CARRE", "CHARLES", "RENAULT", "CHARPENTIER",
    "MENARD", "MAILLARD", "BARON", "BERTIN", "BAILLY", "HERVE", "SCHNEIDER", "FERNANDEZ", "LE GALL", "COLLET",
    "LEGER", "BOUVIER", "JULIEN", "PREVOST", "MILLET", "PERROT", "DANIEL", "LE ROUX", "COUSIN", "GERMAIN",
    "BRETON", "BESSON", "LANGLOIS", "REMY", "LE GOFF", "PELLETIER", "LEVEQUE", "PERRIER", "LEBLANC", "BARRE",
    "LEBRUN", "MARCHAL", "WEBER", "MALLET", "HAMON", "BOULANGER", "JACOB", "MONNIER", "MICHAUD", "RODRIGUEZ",
    "GUICHARD", "GILLET", "ETIENNE", "GRONDIN", "POULAIN", "TESSIER", "CHEVALLIER", "COLLIN", "CHAUVIN", "DA SILVA",
    "BOUCHET", "GAY", "LEMAITRE", "BENARD", "MARECHAL", "HUMBERT", "REYNAUD", "ANTOINE", "HOARAU", "PERRET",
    "BARTHELEMY", "CORDIER", "PICHON", "LEJEUNE", "GILBERT", "LAMY", "DELAUNAY", "PASQUIER", "CARLIER", "LAPORTE",
    "BENSAID", "HADDAD", "NGUYEN", "TRAN", "DIALLO", "TRAORE", "BENALI", "BOUZID", "MEZIANE", "KONE",
)

GIVEN_FEMALE: tuple[str, ...] = (
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Christine", "Sophie", "Valérie", "Céline", "Sandrine",
    "Stéphanie", "Véronique", "Anne", "Aurélie", "Julie", "Émilie", "Camille", "Laure", "Claire", "Hélène",
    "Caroline", "Virginie", "Delphine", "Laetitia", "Élodie", "Audrey", "Mélanie", "Charlotte", "Pauline", "Marion",
    "Sarah", "Léa", "Manon", "Chloé", "Laura", "Emma", "Inès", "Clémence", "Lucie", "Mathilde",
    "Juliette", "Alice", "Amandine", "Agnès", "Florence", "Martine", "Brigitte", "Patricia", "Corinne", "Karine",
    "Fatima", "Nadia", "Samira", "Leïla", "Yasmine", "Aïcha", "Élise", "Margaux", "Océane", "Anaïs",
)

GIVEN_MALE: tuple[str, ...] = (
    "Jean", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe", "Pierre", "Christian", "Éric",
    "Frédéric", "Laurent", "Stéphane", "David", "Olivier", "Sébastien", "Julien", "Thierry", "Pascal", "François",
    "Jérôme", "Vincent", "Thomas", "Guillaume", "Antoine", "Maxime", "Alexandre", "Romain", "Mathieu", "Benoît",
    "Hugo", "Lucas", "Louis", "Arthur", "Paul", "Jules", "Gabriel", "Adrien", "Clément", "Florian",
    "Bruno", "Didier", "Dominique", "Gilles", "Marc", "Yves", "Bernard", "Daniel", "Emmanuel", "Fabrice",
    "Karim", "Mohamed", "Mehdi", "Yacine", "Samir", "Rachid", "Hervé", "Cédric", "Arnaud", "Damien",
)

SAINTS: tuple[str, ...] = (
    "Saint-Joseph", "Sainte-Marie", "Saint-Louis", "Saint-Vincent", "Sainte-Anne", "Saint-Jean", "Saint-Martin",
    "Sainte-Thérèse", "Saint-François", "Saint-Luc", "Saint-Michel", "Sainte-Catherine", "Saint-Pierre",
    "Saint-Roch", "Sainte-Claire", "Saint-Benoît", "Saint-Antoine", "Saint-Charles", "Sainte-Geneviève",
    "Saint-Augustin", "Saint-Jacques", "Sainte-Elisabeth", "Saint-Camille", "Saint-Côme", "Pasteur", "Ambroise Paré",
    "Claude Bernard", "Louis Mourier", "René Dubos", "Jean Monnet", "Les Franciscaines", "du Parc", "de l'Union",
    "du Pays", "Bon Secours", "Notre-Dame", "de la Miséricorde", "Belle-Isle", "Jeanne d'Arc", "Sainte-Odile",
)

PLACES: tuple[str, ...] = (
    "Les Tilleuls", "Les Glycines", "Le Parc", "Les Cèdres", "Bel Air", "Les Jardins", "La Roseraie", "Le Verger",
    "Les Acacias", "La Source", "Les Mimosas", "Les Lilas", "Le Clos Fleuri", "Les Chênes", "La Châtaigneraie",
    "Les Peupliers", "Beausoleil", "Les Hortensias", "Le Belvédère", "Les Magnolias", "La Colline",
    "Les Marronniers", "Val Fleuri", "Les Oliviers", "Les Pins", "Le Moulin", "Les Terrasses", "Bellevue",
    "La Prairie", "Les Charmilles", "Les Bruyères", "Le Bocage", "Les Saules", "L'Orée du Bois", "Les Coteaux",
    "Le Château", "Les Vignes", "La Maison Blanche", "Les Sources", "Le Val", "Les Érables", "Les Platanes",
    "La Clairière", "Les Iris", "Les Myosotis", "La Pinède", "Le Mas", "Les Alizés", "L'Arc-en-Ciel", "Les Genêts",
)

ASSOCIATIONS: tuple[str, ...] = (
    "Les Papillons Blancs de {commune}", "Solidarité {commune}", "Aide et Présence", "Accueil et Partage",
    "Le Relais", "Entraide et Solidarité", "La Main Tendue", "Les Amis de {place}", "Vivre Ensemble",
    "Avenir et Autonomie", "Handicap et Insertion {department}", "Les Compagnons de la Route", "Horizon {commune}",
    "Les Jours Heureux", "Espoir {department}", "L'Étape", "Le Phare", "Trait d'Union", "Les Amis de l'Atelier",
    "Sésame Autisme {department}", "Accompagner et Soigner", "La Passerelle", "Envol", "Arc-en-Ciel",
)

GROUPS: tuple[str, ...] = (
    "SAS {place} Seniors", "Groupe {place} Santé", "SAS Résidences {place}", "SA Les Maisons de {place}",
    "SAS Âge d'Or {department}", "Groupe Hospitalier Privé {place}", "SAS Santé {commune}",
)

#: (TRE_R35 street type code, label used in the formatted line)
STREET_TYPES: tuple[tuple[str, str], ...] = (
    ("RUE", "rue"), ("RUE", "rue"), ("RUE", "rue"), ("AV", "avenue"), ("AV", "avenue"), ("BD", "boulevard"),
    ("PL", "place"), ("CHE", "chemin"), ("ALL", "allée"), ("IMP", "impasse"), ("RTE", "route"), ("CRS", "cours"),
    ("SQ", "square"), ("FG", "faubourg"), ("PROM", "promenade"),
)

STREET_NAMES: tuple[str, ...] = (
    "de la République", "Victor Hugo", "Jean Jaurès", "de la Gare", "du Général de Gaulle", "Pasteur",
    "des Écoles", "de l'Église", "du Moulin", "de la Mairie", "Gambetta", "Jules Ferry", "de la Paix",
    "du Stade", "des Lilas", "Voltaire", "Georges Clemenceau", "Émile Zola", "de Verdun", "Carnot",
    "du 8 Mai 1945", "du Maréchal Foch", "Jean Moulin", "de l'Hôpital", "des Tilleuls", "du Château",
    "de la Libération", "Anatole France", "Louis Pasteur", "Aristide Briand", "des Acacias", "du Commerce",
    "de Paris", "de la Fontaine", "Saint-Martin", "des Prés", "du Port", "des Vignes", "Pierre Curie",
    "Marie Curie", "Albert Camus", "Charles de Gaulle", "de Strasbourg", "de Lorraine", "des Roses",
)

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(pattern: str, rng: random.Random, values: dict[str, str]) -> str:
    """Fill ``{name}`` placeholders: given values first, else a draw from the matching vocabulary."""

    def replace(match: re.Match[str]) -> str:
        name = match[1]
        if name in values:
            return values[name]
        if name == "saint":
            return rng.choice(SAINTS)
        if name == "place":
            return rng.choice(PLACES)
        if name == "association":
            return fill(rng.choice(ASSOCIATIONS), rng, values)
        if name == "group":
            return fill(rng.choice(GROUPS), rng, values)
        raise KeyError(f"no value for placeholder {{{name}}} in {pattern!r}")

    return _PLACEHOLDER.sub(replace, pattern)

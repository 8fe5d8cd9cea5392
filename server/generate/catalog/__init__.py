"""Curated description of the French health-offer landscape the generator reproduces.

Only codes live here; displays and systems come from the NOS value sets (``server.generate.terminology``).
``offers`` describes what an offer looks like per champ d'activite (hospital disciplines expand into one offer
kind per unite fonctionnelle care mode); ``structures`` describes establishments (EG) and legal entities (EJ);
``names`` holds the vocabulary used to name things.
"""

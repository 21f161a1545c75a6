"""Alembic migrations of sitrep's schema (``sitrep.schema``). ``Store.open`` applies them.

A developer who changes ``schema.py`` adds a revision (see docs in ``env.py``); ``Store.open``
upgrades every database it opens to the newest revision, under a lock, in one transaction.
"""

"""Who is in an article: people, works, outlets, ages, epithets and in-document coreference.

Two components live here: ``storyline_entities`` (``component``) and ``storyline_coref`` (``coref``).
"""

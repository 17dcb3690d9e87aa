"""Stories from a pile: which articles tell the same story (between ingest and read).

:func:`group_articles` assigns each article to an existing story or starts a new one, online, by
content (``terms.py``: words and names; ``cluster.py``: TF-IDF vectors, cosine to a story's sum,
a time window; ``split.py``: a story cut in two where its articles' nearest-neighbour graph falls
apart). It needs only the articles' text and dates, so ``analyze`` groups before reading;
readings can be given instead, and then the read stage's entity names replace the capitalised-word
heuristic.
"""

from storyline.group.cluster import StoryGroup, group_articles, order_key

__all__ = ["StoryGroup", "group_articles", "order_key"]

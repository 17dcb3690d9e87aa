"""storyline.core.ids: ids are content hashes, so a stored id must never change for the same parts."""

from storyline.core.ids import make_id


class _Shown(str):
    """A str whose str() differs from its value: ids take a part's str()."""

    def __str__(self) -> str:
        return "other"


def test_ids_of_the_same_parts_stay_what_they_were():
    # pinned from the implementation before make_id's str fast path (2026-12-07)
    assert make_id("k", "f-0123456789abcdef", "c-0123456789abcdef") == "k-baa25c9d276d728f"
    assert make_id("m", "art-1", 3, None, 4.5) == "m-07c33a10f0d1a4a8"
    assert make_id("s", "a\ud800b", "", True) == "s-bc4c385d7aef110c"
    assert make_id("x", _Shown("shown")) == "x-d9298a10d1b07358" == make_id("x", "other")

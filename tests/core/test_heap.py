"""storyline.core.heap: the collector's settings inside and after long_lived blocks."""

import gc

from storyline.core.heap import FIRST_GENERATION, long_lived, paused, permanent


def test_block_freezes_and_restores():
    before = gc.get_threshold()
    kept = [[] for _ in range(10)]
    with long_lived():
        assert gc.get_freeze_count() >= len(kept)
        assert gc.get_threshold()[0] == max(before[0], FIRST_GENERATION)
        assert gc.get_threshold()[1:] == before[1:]
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_nested_blocks_restore_once_the_outer_ends():
    before = gc.get_threshold()
    with long_lived():
        with long_lived():
            pass
        assert gc.get_threshold()[0] == max(before[0], FIRST_GENERATION)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_restores_when_the_block_raises():
    before = gc.get_threshold()
    try:
        with long_lived():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


def test_cycles_made_inside_are_still_collected():
    class Node:
        pass

    with long_lived():
        a, b = Node(), Node()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2


def test_a_decorated_function_runs_each_call_in_a_block():
    @long_lived()
    def frozen() -> int:
        return gc.get_freeze_count()

    assert frozen() > 0 and frozen() > 0
    assert gc.get_freeze_count() == 0


def test_paused_disables_and_restores_the_collector():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # a caller's own choice is kept
    finally:
        gc.enable()


def test_permanent_moves_what_the_block_made_out_of_the_collectors_view():
    try:
        with permanent():
            assert not gc.isenabled()
            table = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(table)
        with long_lived():
            pass
        assert gc.get_freeze_count() == 0  # a long_lived block that ends puts them back
    finally:
        gc.unfreeze()


def test_permanent_freezes_nothing_when_the_block_raises():
    frozen = gc.get_freeze_count()
    try:
        with permanent():
            raise ValueError("corrupt table")
    except ValueError:
        pass
    assert gc.isenabled() and gc.get_freeze_count() == frozen

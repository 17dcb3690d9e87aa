"""storyline.store.bulk.insert_rows writes exactly the rows SQLAlchemy's own insert writes."""

import sqlalchemy as sa

from storyline.store.bulk import insert_rows


def _table(meta: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(name, meta, sa.Column("id", sa.Text, primary_key=True), sa.Column("n", sa.Integer),
                    sa.Column("x", sa.Float), sa.Column("flag", sa.Boolean), sa.Column("data", sa.JSON, nullable=True),
                    sa.Column("note", sa.Text, nullable=True), sa.Column("order", sa.Integer))


ROWS = [
    {"id": "a", "n": 1, "x": 0.5, "flag": True, "data": ["x", "é", "“q”"], "note": None, "order": 0},
    {"id": "b", "n": None, "x": 1e300, "flag": False, "data": None, "note": "naïve", "order": 1},
    {"id": "c", "n": -3, "x": 2.0, "flag": None, "data": [{"value": 1.5, "unit": None, "ok": True}], "note": "", "order": 2},
    {"id": "d", "n": 0, "x": -0.0, "flag": True, "data": {"members": ["e-1"], "k": {"z": 1}}, "note": "a'b\"c", "order": 3},
]


def test_same_rows_as_sqlalchemy_insert():
    engine = sa.create_engine("sqlite://")
    meta = sa.MetaData()
    ours, theirs = _table(meta, "ours"), _table(meta, "theirs")
    meta.create_all(engine)
    with engine.begin() as conn:
        insert_rows(conn, ours, ROWS)
        conn.execute(theirs.insert(), ROWS)
        raw = [conn.exec_driver_sql(f'SELECT id, n, x, flag, data, typeof(data), note, "order" FROM {t} ORDER BY id').all()
               for t in ("ours", "theirs")]
        typed = [conn.execute(sa.select(t).order_by(t.c.id)).all() for t in (ours, theirs)]
    assert raw[0] == raw[1] and len(raw[0]) == len(ROWS)
    assert typed[0] == typed[1]
    assert typed[0][2].data == [{"value": 1.5, "unit": None, "ok": True}]


def test_no_rows_is_a_no_op():
    engine = sa.create_engine("sqlite://")
    table = _table(sa.MetaData(), "t")
    table.metadata.create_all(engine)
    with engine.begin() as conn:
        insert_rows(conn, table, [])
        assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 0

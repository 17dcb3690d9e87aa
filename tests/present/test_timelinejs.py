from helpers.builders import ArticleBuilder

from storyline.present.timelinejs import to_timelinejs
from storyline.reconcile import reconcile


def _story():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m = a.person("Mara Quinn")
    t = a.person("Theo Vance")
    g = a.group("the couple", [m, t])
    a.claim("the couple split in August 2023", subject=g, pclass="separation", when="2023-08", when_text="August 2023")
    a.claim("Quinn married Vance in 2012", subject=m, object=t, pclass="marriage", when="2012")
    a.claim("Quinn wore <no> ring at the gala on January 9, 2024", subject=m, pclass="appearance",
            when="2024-01-09", when_text="January 9, 2024")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-19")
    m2 = b.person("Mara Quinn")
    t2 = b.person("Theo Vance")
    b.claim("Quinn married Vance in 2014", subject=m2, object=t2, pclass="marriage", when="2014")
    readings = [a.build(), b.build()]
    return reconcile(readings), readings


def test_events_follow_the_timeline_with_honest_precision():
    story, readings = _story()
    doc = to_timelinejs(story, readings)
    assert doc["title"]["text"]["headline"]
    events = doc["events"]
    assert [e["unique_id"] for e in events] == [e.fact for e in story.timeline]
    by_headline = {e["text"]["headline"]: e for e in events}
    month = next(e for e in events if "split" in e["text"]["headline"])
    assert month["start_date"] == {"year": 2023, "month": 8}
    assert month["end_date"] == {"year": 2023, "month": 8, "day": 31}
    assert month["display_date"] == "August 2023"
    day = next(e for e in events if "gala" in e["text"]["headline"])
    assert day["start_date"] == {"year": 2024, "month": 1, "day": 9} and "end_date" not in day
    # HTML in claim text is escaped, never injected.
    assert "&lt;no&gt;" in day["text"]["text"] and "<no>" not in day["text"]["text"]
    assert len(by_headline) == len(events)


def test_conflicts_and_status_are_shown():
    story, readings = _story()
    events = to_timelinejs(story, readings)["events"]
    wedding = next(e for e in events if "married" in e["text"]["headline"])
    assert wedding["group"] == "Contradicted"  # the status label (storyline.core.vocab.STATUS)
    assert "2012" in wedding["text"]["text"] and "2014" in wedding["text"]["text"]
    assert "Star Ledger" in wedding["text"]["text"]

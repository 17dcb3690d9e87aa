"""The per-article register of sources: keeps distinct anonymous sources apart.

Anonymous sources are numbered in order of introduction: "a source" -> ``anonymous:1``, "a second
insider" -> ``anonymous:2``. Later references resolve back:

- an ordinal ("the second source", "the first insider") -> that number;
- "the other insider" -> the most recent anonymous source other than the current one;
- a bare definite ("the source", "the insider", "the pal") -> the most recently *active* single
  source (the last one any attribution used; groups such as "her friends" never are), which is
  how tabloid copy chains them;
- an indefinite ("a source", "another insider") always opens a new entry.

Plural groups ("insiders", "two former employees") are one source each, numbered in the same
sequence; "the employees" / "one of them" refer back to a group. Named people get
``person:<entity key or name>``; everything else one key per kind and text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SourceRegister"]


@dataclass
class SourceRegister:
    numbers: int = 0  # anonymous sources (single or group) introduced so far
    singles: list[int] = field(default_factory=list)  # numbers of single sources, in order: ordinals index this
    group_heads: dict[str, int] = field(default_factory=dict)
    last_group: int | None = None
    active: int | None = None  # number of the most recently used single anonymous source
    previous: int | None = None  # the one active before it

    def _use(self, n: int) -> str:
        if n in self.singles and n != self.active:  # groups never become 'the source'
            self.previous, self.active = self.active, n
        return f"anonymous:{n}"

    def _new(self) -> int:
        self.numbers += 1
        return self.numbers

    def anonymous_key(
        self, ordinal: int | None, definite: bool, indefinite: bool, other: bool, plural: bool, head: str = ""
    ) -> str:
        """Register key for an anonymous source phrase with these features."""
        if plural:
            # A group is one source, numbered with the others. "The employees" goes back to the
            # last group with that head; "one of them" (no head) to the last group.
            if definite and (head in self.group_heads or (not head and self.last_group is not None)):
                return self._use(self.group_heads.get(head, self.last_group))
            n = self._new()
            self.group_heads[head] = self.last_group = n
            return self._use(n)
        if ordinal is not None:
            # "the second source" -> the second single source introduced; "a second insider"
            # introduces it when it does not exist yet.
            if ordinal <= len(self.singles) and not (indefinite and ordinal == len(self.singles) + 1):
                return self._use(self.singles[ordinal - 1])
            n = self._new()
            self.singles.append(n)
            return self._use(n)
        if other and len(self.singles) > 1:
            if self.previous is not None and self.previous != self.active and self.previous in self.singles:
                return self._use(self.previous)
            return self._use(next(n for n in reversed(self.singles) if n != self.active))
        if definite and self.active is not None and not indefinite:
            return self._use(self.active)
        n = self._new()
        self.singles.append(n)
        return self._use(n)

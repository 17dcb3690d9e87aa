"""Options in one object. Defaults live in ``defaults.toml`` beside this module (commented)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.core.errors import ConfigError

__all__ = ["AnalysisOptions", "ReconcileOptions", "load_options"]


@dataclass(frozen=True)
class ReconcileOptions:
    """Knobs of the cross-article stage (see ``defaults.toml`` [reconcile])."""

    similarity_threshold: float = 0.30
    echo_similarity: float = 0.80
    embeddings: str = "none"


@dataclass(frozen=True)
class AnalysisOptions:
    """Everything ``storyline.api.analyze`` needs besides its inputs and store."""

    model: str = ""
    batch_size: int = 32
    max_file_mb: float = 20.0
    max_article_chars: int = 400_000
    # Ingest overrides: applied to every article of this run when set.
    outlet: str | None = None
    published: str | None = None
    reconcile: ReconcileOptions = field(default_factory=ReconcileOptions)

    def with_(self, **changes: Any) -> "AnalysisOptions":
        """A copy with ``changes`` applied, ignoring ``None`` values (unset CLI flags)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _section(cls: type, data: dict[str, Any], where: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ConfigError(
            f"unknown option(s) {', '.join(unknown)} in [{where}]",
            fix=f"use one of: {', '.join(sorted(known))}",
        )
    return data


def load_options(path: str | Path | None = None) -> AnalysisOptions:
    """The packaged defaults, overridden by the TOML file at ``path`` when given."""
    text = resources.files("storyline").joinpath("defaults.toml").read_text("utf-8")
    data = tomllib.loads(text)
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config: {exc}", input=str(path), fix="check the path and TOML syntax") from exc
        for key, value in user.items():
            data.setdefault(key, {}).update(value)
    analysis = dict(_section(AnalysisOptions, data.get("analysis", {}), "analysis"))
    recon = _section(ReconcileOptions, data.get("reconcile", {}), "reconcile")
    return AnalysisOptions(**analysis, reconcile=ReconcileOptions(**recon))

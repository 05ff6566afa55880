"""The NER pass: gazetteers, rules and document-level evidence first, the model only where needed.

Imports flow one way: ``_pipeline`` imports ``_rules`` (which imports ``_korean``) and
``_resolve``; the package imports citegrab's models, gazetteer, outlet registry and line index,
never ``_extract``; only `Extractor.tagger` and the CLI's bare-model baseline import the package,
lazily, because it loads spaCy (the parse path never does). Modules:

- ``_pipeline``: model resolution, the components in order, the gated model pass, `EntityTagger`;
- ``_rules``: head-noun institutions, "X Province", stop-lists and the clean-up component;
- ``_korean``: romanised Korean personal names;
- ``_resolve``: document-level evidence (authors, outlets, acronyms, recurring names, short
  person mentions, canonical names) and `attach_entities`.
"""

from __future__ import annotations

from .._modelname import MODEL_ENV
from ._korean import is_given_name_token, korean_name_spans
from ._pipeline import (
    CONTRACT_LABELS,
    DEFAULT_MODELS,
    MAX_LINE,
    NOT_NEEDED,
    EntityTagger,
    Labels,
    NoModelWarning,
    bare_model_entities,
    load_pipeline,
    long_lines,
    needs_model,
    paragraphs,
)
from ._resolve import acronym_definitions, attach_entities, document_level

__all__ = [
    "CONTRACT_LABELS",
    "DEFAULT_MODELS",
    "MAX_LINE",
    "MODEL_ENV",
    "NOT_NEEDED",
    "EntityTagger",
    "Labels",
    "NoModelWarning",
    "acronym_definitions",
    "attach_entities",
    "bare_model_entities",
    "document_level",
    "is_given_name_token",
    "korean_name_spans",
    "load_pipeline",
    "long_lines",
    "needs_model",
    "paragraphs",
]

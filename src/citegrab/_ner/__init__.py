"""The NER pass: gazetteers, rules and document-level evidence first, the model only where needed.

Modules (imports flow one way: ``_korean`` → ``_rules`` → ``_resolve`` → ``_pipeline``; the
package imports citegrab's models, gazetteer and outlet registry, and nothing imports it but
`Extractor.tagger` and the CLI's baseline, lazily, because it loads spaCy):

- ``_pipeline``: model resolution, the components in order, the gated model pass, `EntityTagger`;
- ``_rules``: head-noun institutions, "X Province", stop-lists and the clean-up component;
- ``_korean``: romanised Korean personal names;
- ``_resolve``: document-level evidence (authors, outlets, acronyms, recurring names, short
  person mentions, canonical names) and `attach_entities`.
"""

from __future__ import annotations

from ._korean import is_given_name_token, korean_name_spans
from ._pipeline import (
    CONTRACT_LABELS,
    DEFAULT_MODELS,
    MAX_LINE,
    MODEL_ENV,
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

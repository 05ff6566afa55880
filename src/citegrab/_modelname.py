"""Which spaCy model the NER pass loads: the name given, else the environment's; and whether a
named model is installed, found without importing spaCy (so the parse path never imports it)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

MODEL_ENV = "CITEGRAB_SPACY_MODEL"
"""The environment variable naming the spaCy model when no ``model`` is given."""


def named_model(model: str | None) -> str | None:
    """The model named by the argument, else by `MODEL_ENV`; None when neither names one."""
    return model or os.environ.get(MODEL_ENV) or None


def model_installed(name: str) -> bool:
    """Whether a spaCy model named as a package or a directory is there (spaCy checks what it
    holds when it loads it)."""
    if Path(name).is_dir():
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # "a.b" with no package "a", "" or a relative name
        return False

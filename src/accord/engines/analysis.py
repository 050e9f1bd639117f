"""The unit of work every engine hands out: one batch of articles in, one outcome per article out.

A worker process of the local engine and an actor of the Ray engine each hold one
``BatchAnalyser`` (the model loaded once) and call ``analyse`` for each batch they are given. An
outcome is the article's ``ArticleResult``, or the reason it could not be analysed (a string, so
that it crosses process boundaries as it is); the engine that stores the outcomes turns a reason
into a ``Reject`` with the article's origin and line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.pipeline import Extractor
from accord.records import Article, ArticleResult

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BatchAnalyser", "Outcome", "failure_reason"]

# An article's result, or why it could not be analysed.
Outcome = ArticleResult | str


def failure_reason(exc: BaseException) -> str:
    """The reject reason of an article the parser or the extractor failed on.

    >>> failure_reason(ValueError("bad offset"))
    'could not be analysed (ValueError: bad offset); please report this article'
    """
    return f"could not be analysed ({type(exc).__name__}: {exc}); please report this article"


class BatchAnalyser:
    """Analyses batches of articles with one ``Extractor`` (``nlp`` None: the default model,
    loaded by ``load``). A failing article costs only itself: its outcome is the failure's reason.

    >>> analyser = BatchAnalyser()                       # doctest: +SKIP
    >>> [type(o).__name__ for o in analyser.analyse(articles)]   # doctest: +SKIP
    ['ArticleResult', 'str', 'ArticleResult']
    """

    def __init__(self, nlp: Language | None = None, *, batch_size: int = 32) -> None:
        self._failures: dict[int, str] = {}
        self.extractor = Extractor(nlp, batch_size=batch_size, on_error=self._failed)

    def load(self) -> None:
        """Load the model and the lexicon now (a worker does it before its first batch)."""
        _ = self.extractor.nlp, self.extractor.lexicon

    def analyse(self, articles: list[Article]) -> list[Outcome]:
        """One outcome per article of ``articles``, in their order (parsed as one spaCy batch)."""
        self._failures = {}
        results = {id(r.article): r for r in self.extractor.extract_articles(articles)}
        return [results.get(id(a)) or self._failures.get(id(a), _LOST) for a in articles]

    def _failed(self, article: Article, exc: Exception) -> None:
        self._failures[id(article)] = failure_reason(exc)


# Neither a result nor a failure: cannot happen while Extractor reports every article it drops.
_LOST = "could not be analysed (no result); please report this article"

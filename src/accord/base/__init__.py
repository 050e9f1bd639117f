"""The base layer: knowledge and helpers every stage may use.

Nothing here imports another Accord package except ``accord.records`` and ``accord.errors``, and
nothing here loads a model or reads a file at import time. Each module has one job:

- ``ontology``: PLOVER's event types, Accord's statuses and precisions, quad classes;
- ``tsv``: reading the tab-separated data files, with file:line errors;
- ``syntax``: small tests on a spaCy dependency parse (is this a verb, is it passive);
- ``partial_dates``: the contract's partial dates (YYYY, YYYY-MM, YYYY-MM-DD) and their bounds;
- ``ids``: the one way an article or event id is made from content;
- ``report_dates``: the range of report dates accepted (1800 to next year).
"""

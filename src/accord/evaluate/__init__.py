"""Evaluation: Accord's figures on public gold sets (evaluation only; the gold data never ships).

``harness.run_evaluation(shared_dir)`` runs every set and ``harness.format_table`` prints one line
per figure; each set's loader and scorer live in their own module (``plover_gsr``, ``muc``,
``acled``, ``case2021``, ``seed``, ``tempeval``, ``number_specs``). Nothing is imported here, so
importing the package does no work.
"""

"""seofr's benchmark suite: ``python -m benchmarks [warm] [cold] [scaling] [--quick]``.

Each benchmark is a module with a ``run(quick)`` function that prints its tables
and returns an :class:`~benchmarks.common.Outcome`: figures for the JSON file and
one verdict per target. Benchmarks only report; they never fail the run.
See ``docs/performance.md`` for what each one measures.
"""

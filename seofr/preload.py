"""Imported by the server process that forks a parallel batch's workers, before it forks them.

With the ``forkserver`` start method every worker is a fork of one server
process, and shares what that process has loaded, copy-on-write. Importing
this module there analyzes a short French text once: the rule registry, the
French pipeline and the lazy tables are then loaded once per run rather than
once in each worker. A failure (no model) is left for the workers, which
report it document by document.
"""

from __future__ import annotations

import gc
from contextlib import suppress

from seofr.errors import SeofrError
from seofr.session import default_session

WARMUP = """\
# Un atelier de réparation

Les bénévoles du quartier réparent des vélos chaque samedi ; ils ont été formés
par un artisan. Par ailleurs, l’atelier prête ses outils aux habitants.
"""

with suppress(SeofrError):
    default_session().analyze(WARMUP, config=False)
# what is loaded lives as long as the workers: out of the collector's walks,
# and its memory pages stay shared instead of being copied as the walks touch them
gc.freeze()

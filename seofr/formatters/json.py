"""The JSON output, described by ``seofr/schema/report.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from seofr.formatters.common import Batch
from seofr.i18n import Lang
from seofr.report import SCHEMA_VERSION


def batch_to_dict(batch: Batch, lang: Lang) -> dict[str, Any]:
    """The whole run as one JSON-ready object."""
    from seofr import __version__

    return {
        "schema_version": SCHEMA_VERSION,
        "seofr_version": __version__,
        "documents": [report.to_dict(lang) for report in batch.reports],
        "errors": [{"path": f.path, "message": f.text(lang)} for f in batch.failures],
    }


def format_json(batch: Batch, lang: Lang, color: bool) -> str:
    """One JSON object, keys in a fixed order, so equal runs give equal bytes."""
    return json.dumps(batch_to_dict(batch, lang), ensure_ascii=False, indent=2) + "\n"

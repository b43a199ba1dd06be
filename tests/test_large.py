"""Large documents: a 3 MB French HTML page is analyzed with bounded memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

_PARAGRAPHS = (
    "Le conseil municipal s’est réuni jeudi soir pour examiner le budget de l’année prochaine.",
    "Les élus ont d’abord débattu du prix de la cantine, puis de l’entretien des écoles.",
    "Cependant, la rénovation de la piscine reste la principale dépense prévue.",
    "En effet, le bassin date des années soixante-dix et fuit depuis plusieurs hivers.",
)


def french_html(size: int) -> str:
    """A French HTML article of about ``size`` characters."""
    parts = [
        "<!doctype html><html lang='fr'><head><title>Budget municipal</title></head><body><main><h1>Budget</h1>"
    ]
    total = 0
    section = 0
    while total < size:
        section += 1
        chunk = f"<h2>Partie {section}</h2>" + "".join(f"<p>{p} {p}</p>" for p in _PARAGRAPHS)
        parts.append(chunk)
        total += len(chunk)
    parts.append("</main></body></html>")
    return "".join(parts)


def test_three_megabytes_of_html_within_memory(tmp_path: Path) -> None:
    page = tmp_path / "grand.html"
    page.write_text(french_html(3_000_000), encoding="utf-8")
    code = (
        "import json, sys, seofr\n"
        "report = seofr.analyze(sys.argv[1])\n"
        # VmHWM belongs to this process alone; ru_maxrss would carry pytest's own peak
        "status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "peak = int(status.split()[0]) * 1024\n"
        "print(json.dumps({'peak': peak, 'words': report.stats['words'], 'rules': len(report.results)}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    assert result["words"] > 400_000
    assert result["peak"] < 1.5 * 1024**3, f"peak memory {result['peak'] / 1024**2:.0f} MiB"

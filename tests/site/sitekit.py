"""Constants shared by the site tests and their fixtures (imported as `sitekit`)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPO = "back-to-the-past/back-to-the-past"
HUB = "https://hub.test.invalid"

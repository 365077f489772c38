"""axe-core in the page: the accessibility checks of the browser tests.

axe-core comes from the npm registry (package.json at the repository's root, pinned);
`npm ci` puts it in node_modules/. Without it the accessibility tests are skipped, saying so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

RUN_JS = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


def require_axe() -> Path:
    """The path of axe.min.js, or skip the test with how to get it."""
    if not AXE_JS.is_file():
        pytest.skip(f"axe-core not installed ({AXE_JS} missing): run `npm ci` at the repo root")
    return AXE_JS


def violations(page: Page) -> list[dict[str, Any]]:
    """Every axe violation on the page as it is now (axe is loaded once per document)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(require_axe()))
    return page.evaluate(RUN_JS)


def describe(found: list[dict[str, Any]]) -> str:
    lines = []
    for violation in found:
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']})")
        lines += [f"    {node['target']}: {node['summary']}" for node in violation["nodes"][:5]]
    return "\n".join(lines)


def assert_no_serious_violations(page: Page, where: str = "") -> list[dict[str, Any]]:
    """No serious or critical violation; returns the minor and moderate ones, for a look."""
    found = violations(page)
    blocking = [v for v in found if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {where or page.url}:\n{describe(blocking)}"
    return [v for v in found if v["impact"] not in BLOCKING]

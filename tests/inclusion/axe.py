"""axe-core in Playwright: inject the npm package into a page and list WCAG 2.1 A/AA violations.

`make test` installs axe-core with npm (package.json at the repository root). The script goes
in as an init script of the browser context, which the Content-Security-Policy does not block.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.test import Client

AXE = Path(settings.PROJECT_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MISSING = f"{AXE} is missing: run `make test` (or `npm ci`) to install axe-core."

_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(" "),
                                          summary: n.failureSummary}))
  }));
}"""


def with_axe(context) -> None:
    """Make axe available on every page the context opens."""
    context.add_init_script(path=str(AXE))


def violations(page) -> list[dict]:
    """The WCAG 2.1 A/AA violations axe finds on the page as it is now."""
    return page.evaluate(_RUN, WCAG_TAGS)


def describe(url: str, found: list[dict]) -> str:
    lines = []
    for v in found:
        lines.append(f"{url}: [{v['impact']}] {v['id']} — {v['help']}")
        for node in v["nodes"]:
            summary = " ".join(node["summary"].split())[:300]
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


def signed_in(browser, live_server, user, language: str, **options):
    """A browser context with `user` signed in (None: anonymous) and `language` chosen."""
    context = browser.new_context(base_url=live_server.url, locale=language, **options)
    cookies = [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    if user is not None:
        client = Client()
        client.force_login(user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        cookies.append(
            {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
        )
    context.add_cookies(cookies)
    return context

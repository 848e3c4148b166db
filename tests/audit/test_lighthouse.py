"""`make audit`: Lighthouse (mobile) and axe-core on every page type of the demo newsroom.

Lighthouse runs against Debian's chromium with its default simulated throttling (a mid-range phone
on slow 4G), so its scores do not depend on this machine's network and little on its CPU. Every
category must score 100 on the home page, an article, a section, the exchange-rates page and the
search page (once the project has one); axe-core must find no violation of WCAG 2.2 A/AA or its
best practices on the same pages, in light and in dark mode. Each score is printed.

Bounded: at most 60 s per Lighthouse run (~10 s here). Total blocking time (and the server response
time the simulation starts from) is CPU time and grows when other processes share the machine, so a
page whose performance score alone falls short is run again, at most three times, until one run scores
100; in the run that counts, first and largest contentful paint, speed index and layout shift must all score perfectly. A
page that is really too heavy fails every run. Whole audit: ~2.5 min on an idle machine (demo load
~40 s, 5-7 Lighthouse runs, 10 axe runs), ~5 min under heavy load.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.audit.conftest import ROOT
from tests.browser.conftest import browser  # noqa: F401 - the shared Playwright fixture

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# `make audit` (and `make bench`'s audit) scores performance too. `make test`, and so CI, leaves it
# out (STEPPE_AUDIT_PERFORMANCE=0): its blocking-time part is CPU noise on a shared 2-core machine,
# and the other three categories, axe and the page weights are deterministic. One run a page.
AUDIT_PERFORMANCE = os.environ.get("STEPPE_AUDIT_PERFORMANCE", "1") not in ("0", "off", "false")
CATEGORIES = (("performance",) if AUDIT_PERFORMANCE else ()) + ("accessibility", "best-practices", "seo")
QUALITY = ("accessibility", "best-practices", "seo")
# Total blocking time on this 2-core VM swings between 30 and 270 ms for the same page (a Chromium
# task Lighthouse cannot attribute, 80-370 ms, lands in most traces): a page gets four runs.
RETRIES = 3
# `make audit` holds performance to 100 (STEPPE_AUDIT_MIN_PERFORMANCE lowers it on a busy machine).
MIN_PERFORMANCE = int(os.environ.get("STEPPE_AUDIT_MIN_PERFORMANCE", "100"))
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def lighthouse(tools: dict, url: str, out, skip: tuple[str, ...] = ()) -> dict:
    command = [
        tools["node"],
        str(tools["lighthouse"]),
        url,
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        "--form-factor=mobile",  # the default profile, said out loud: a Moto G Power, slow 4G
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={out}",
        "--max-wait-for-load=30000",
        *([f"--skip-audits={','.join(skip)}"] if skip else []),
    ]
    env = {**os.environ, "CHROME_PATH": tools["chrome"]}
    # Lighthouse sometimes loses its own trace ("NO_NAVSTART: Please run Lighthouse again"): it
    # gets two more tries; a page that makes it fail every time fails the audit.
    for _attempt in range(3):
        result = subprocess.run(command, timeout=60, env=env, cwd=ROOT, capture_output=True, text=True)
        if result.returncode == 0:
            return json.loads(out.read_text())
        print(f"lighthouse {url}: exit {result.returncode}, again: {result.stderr.strip()[-300:]}")
    raise RuntimeError(f"lighthouse {url} failed ({result.returncode}): {result.stderr[-2000:]}")


def failing_audits(report: dict) -> list[str]:
    lines = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or ""
                lines.append(f"{category['id']}: {ref['id']} {audit['score']} {shown}")
    return lines


NETWORK_METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "speed-index",
    "cumulative-layout-shift",
)


def network_metric_problems(name: str, report: dict) -> list[str]:
    return [
        f"{name}: {metric} {report['audits'][metric]['displayValue']} (score {report['audits'][metric]['score']})"
        for metric in NETWORK_METRICS
        if report["audits"][metric]["score"] < 1
    ]


def scores_of(report: dict) -> dict[str, int]:
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def test_audit(node_tools, demo_site, browser, tmp_path):  # noqa: F811
    """One test, so the demo newsroom is loaded once (~40 s); every problem is listed at the end."""
    problems = lighthouse_problems(node_tools, demo_site, tmp_path)
    problems += axe_problems(node_tools, demo_site, browser)
    problems += keyboard_and_ticker_problems(demo_site, browser)
    assert not problems, "\n".join(problems)


def lighthouse_problems(node_tools, demo_site, tmp_path) -> list[str]:
    results, problems = {}, []
    for name, url in demo_site.items():
        # Search results are kept out of search engines on purpose (noindex): Lighthouse's SEO score
        # for that page leaves out the one audit that asks for the opposite.
        skip = ("is-crawlable",) if name == "search" else ()
        report = lighthouse(node_tools, url, tmp_path / f"{name}.json", skip)
        scores = scores_of(report)
        for attempt in range(RETRIES if AUDIT_PERFORMANCE else 0):
            if scores["performance"] == 100 or any(scores[c] < 100 for c in QUALITY):
                break
            # CPU time that other processes take (blocking time, and the server's response time
            # that the simulation starts from) moves between runs: the best of four counts.
            print(f"lighthouse {name}: performance {scores['performance']} ({failing_audits(report)}), again")
            again = lighthouse(node_tools, url, tmp_path / f"{name}-{attempt}.json", skip)
            if scores_of(again)["performance"] >= scores["performance"]:  # the best run counts, not the last
                report, scores = again, scores_of(again)
        if AUDIT_PERFORMANCE:
            problems += network_metric_problems(name, report)
        results[name] = scores
        metrics = {
            key: report["audits"].get(key, {}).get("displayValue", "-")
            for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                        "cumulative-layout-shift", "speed-index", "total-byte-weight")
        }  # fmt: skip
        print(f"lighthouse {name:8} " + " ".join(f"{c}={s}" for c, s in scores.items()) + f"  {metrics}")
        if scores.get("performance", 100) < MIN_PERFORMANCE or any(scores[c] < 100 for c in QUALITY):
            problems.append(f"{name} {url}: {scores} {failing_audits(report)}")
    return problems


def contrast(rgb1: tuple, rgb2: tuple) -> float:
    def luminance(rgb):
        channels = []
        for c in rgb[:3]:
            c = c / 255
            channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(rgb1), luminance(rgb2)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# The ticker's up, down and "out of date" colours on the strip, and the rates page's on the page
# background, as the browser computes them (made on the page, so they are measured even on a day
# when no rate went up).
COLOURS_JS = """() => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const strip = document.querySelector('.ticker-strip');
  const out = {};
  for (const [kind, cls, inner] of [['up', 'fx-up', 'fx-change'], ['down', 'fx-down', 'fx-change'],
                                    ['stale', 'fx-is-stale', 'fx-stale']]) {
    const li = document.createElement('li'); li.className = 'fx-item ' + cls;
    const span = document.createElement('span'); span.className = inner; span.textContent = '1%';
    li.append(span); strip.append(li);
    out['ticker ' + kind] = [rgb(getComputedStyle(span).color), rgb(getComputedStyle(strip).backgroundColor)];
    li.remove();
  }
  return out;
}"""


def axe_problems(node_tools, demo_site, browser) -> list[str]:  # noqa: F811
    problems = []
    for scheme in ("light", "dark"):
        context = browser.new_context(
            bypass_csp=True,
            color_scheme=scheme,
            reduced_motion="reduce",
            viewport={"width": 390, "height": 844},
        )
        page = context.new_page()
        for name, url in demo_site.items():
            page.goto(url)
            page.add_script_tag(path=str(node_tools["axe"]))
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                AXE_TAGS,
            )
            violations = [
                f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]} {v['nodes'][0]['failureSummary'][:300]}"
                for v in result["violations"]
            ]
            print(
                f"axe {scheme:5} {name:8} violations={len(violations)} passes={len(result.get('passes', []))}"
            )
            problems += [f"{scheme} {name}: {v}" for v in violations]
        for what, (fg, bg) in page.evaluate(COLOURS_JS).items():
            ratio = contrast(fg, bg)
            print(f"contrast {scheme:5} {what}: {ratio:.2f}")
            if ratio < 4.5:
                problems.append(f"{scheme} {what}: contrast {ratio:.2f} < 4.5 ({fg} on {bg})")
        context.close()
    return problems


def keyboard_and_ticker_problems(demo_site, browser) -> list[str]:  # noqa: F811
    """Asserts as it goes (a failure here is one clear message); returns no further problems."""
    for motion in ("reduce", "no-preference"):
        page = browser.new_page(reduced_motion=motion, viewport={"width": 390, "height": 844})
        page.goto(demo_site["article"])
        # The skip link is the first stop of the keyboard, shows itself when focused and leads to main.
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
                 return {href: e.getAttribute('href'), text: e.textContent, visible: r.width > 0 && r.left >= 0
                         && r.top >= 0 && r.bottom <= innerHeight, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"""
        )
        assert focused["href"] == "#main" and focused["visible"], focused
        assert page.locator("main#main").count() == 1
        # Every link shows where the keyboard is: a solid outline of at least 2 px.
        for _ in range(4):
            page.keyboard.press("Tab")
            style = page.evaluate(
                "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
            )
            assert style[0] != "none" and style[1] >= 2, style
        # The ticker: a labelled list, no live region announcing every change, nothing moving.
        ticker = page.get_by_role("list", name="Official exchange rates")
        assert ticker.get_by_role("listitem").count() == 5
        assert (
            page.locator(
                ".ticker-strip [aria-live], .ticker-strip [role=marquee], .ticker-strip [role=status], .ticker-strip marquee"
            ).count()
            == 0
        )
        assert page.evaluate("document.getAnimations().length") == 0
        assert page.evaluate(
            "() => [...document.querySelectorAll('.ticker-strip *')].every(e => getComputedStyle(e).animationName === 'none')"
        )
        page.close()
    return []

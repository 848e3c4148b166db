"""What an import did, and a progress line while it runs (no dependency beyond the standard library)."""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

KINDS = ("posts", "pages", "attachments", "authors", "sections", "tags", "redirects")
OUTCOMES = ("imported", "updated", "unchanged", "skipped", "failed")
MAX_EXAMPLES = 20


@dataclass
class Reason:
    count: int = 0
    examples: list[str] = field(default_factory=list)


@dataclass
class _Event:
    kind: str
    outcome: str
    reason: str | None
    example: str | None


class Report:
    """Counts per kind and outcome, with reasons and examples for anything not simply imported.

    Events recorded between :meth:`begin` and :meth:`commit` belong to one WordPress item; they
    are dropped by :meth:`discard` when the item's transaction is rolled back, so the summary
    never counts an image or an author that a failed item created and then took back.
    """

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
        self.reasons: dict[tuple[str, str, str], Reason] = {}
        self.notes: Counter[str] = Counter()
        self.not_imported: dict[str, Reason] = {}  # WordPress things steppe has no place for
        self._pending: list[_Event] | None = None

    # -- recording ---------------------------------------------------------------------------

    def begin(self) -> None:
        self._pending = []

    def commit(self) -> None:
        pending, self._pending = self._pending or [], None
        for event in pending:
            self._apply(event)

    def discard(self) -> None:
        self._pending = None

    def add(self, kind: str, outcome: str, reason: str | None = None, example: str | None = None) -> None:
        event = _Event(kind, outcome, reason, example)
        if self._pending is not None:
            self._pending.append(event)
        else:
            self._apply(event)

    def _apply(self, event: _Event) -> None:
        self.counts.setdefault(event.kind, Counter())[event.outcome] += 1
        if event.reason:
            entry = self.reasons.setdefault((event.kind, event.outcome, event.reason), Reason())
            entry.count += 1
            if event.example and len(entry.examples) < MAX_EXAMPLES:
                entry.examples.append(event.example)

    def note(self, text: str, count: int = 1) -> None:
        self.notes[text] += count

    def lost(self, what: str, example: str | None = None, count: int = 1) -> None:
        entry = self.not_imported.setdefault(what, Reason())
        entry.count += count
        if example and example not in entry.examples and len(entry.examples) < MAX_EXAMPLES:
            entry.examples.append(example)

    # -- reading -----------------------------------------------------------------------------

    def total(self, outcome: str) -> int:
        return sum(counter[outcome] for counter in self.counts.values())

    def count(self, kind: str, outcome: str) -> int:
        return self.counts.get(kind, Counter())[outcome]

    def reason_count(self, kind: str, outcome: str, reason: str) -> int:
        entry = self.reasons.get((kind, outcome, reason))
        return entry.count if entry else 0

    def format(self, *, all_examples: bool = False) -> str:
        lines = [f"{'':12}" + "".join(f"{outcome:>11}" for outcome in OUTCOMES)]
        for kind in KINDS:
            counter = self.counts.get(kind, Counter())
            lines.append(f"{kind:12}" + "".join(f"{counter[outcome]:>11}" for outcome in OUTCOMES))
        shown = MAX_EXAMPLES if all_examples else 5
        problems = sorted(self.reasons.items(), key=lambda kv: (KINDS.index(kv[0][0]), kv[0][1], kv[0][2]))
        if problems:
            lines.append("")
            lines.append("Reasons:")
            for (kind, outcome, reason), entry in problems:
                lines.append(f"  {kind} {outcome}: {reason} ({entry.count})")
                lines.extend(f"      {example}" for example in entry.examples[:shown])
                if entry.count > shown:
                    lines.append(f"      … and {entry.count - min(shown, len(entry.examples))} more")
        if self.not_imported:
            lines.append("")
            lines.append("Not imported (steppe has no place for these):")
            for what, entry in self.not_imported.items():
                lines.append(f"  {what} ({entry.count})")
                lines.extend(f"      {example}" for example in entry.examples[:shown])
        if self.notes:
            lines.append("")
            lines.append("Notes:")
            lines.extend(f"  {text} ({count})" for text, count in self.notes.items())
        return "\n".join(lines)


class Progress:
    """A one-line progress bar with counts and rate on a terminal; a line every few seconds otherwise."""

    def __init__(
        self, total: int, *, stream: TextIO | None = None, enabled: bool = True, label: str = ""
    ) -> None:
        self.total = max(total, 0)
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.label = label
        self.done = 0
        self.started = time.monotonic()
        self._last = 0.0
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = 0.2 if self.tty else 5.0

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def update(self, done: int, detail: str = "", *, force: bool = False) -> None:
        self.done = done
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        self._write(self._line(detail))

    def finish(self, detail: str = "") -> None:
        if not self.enabled:
            return
        self._write(self._line(detail))
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()

    def _line(self, detail: str) -> str:
        rate = self.rate
        if self.total:
            share = min(self.done / self.total, 1.0)
            filled = int(share * 24)
            bar = "[" + "#" * filled + "-" * (24 - filled) + "]"
            remaining = (self.total - self.done) / rate if rate > 0 else 0
            eta = f" ETA {int(remaining // 60)}:{int(remaining % 60):02d}" if self.done < self.total else ""
            head = f"{bar} {self.done}/{self.total} {share:4.0%}"
        else:
            head, eta = f"{self.done}", ""
        text = f"{self.label}{head} {rate:.1f}/s{eta}"
        return f"{text}  {detail}" if detail else text

    def _write(self, line: str) -> None:
        if self.tty:
            self.stream.write("\r" + line + "\x1b[K")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

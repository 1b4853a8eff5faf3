"""claims/pinned.toml: figures a team stands behind, pinned by hand. They win over articles.

    # one [[pin]] a figure; subject and metric as factcheck names them (see `factcheck ledger list`)
    [[pin]]
    subject = "武汉人工智能计算中心"
    metric = "compute"          # a metric key from factcheck/data/zh/metrics.toml
    value = 400
    unit = "PFLOPS"             # PFLOPS, card, rack, count, percent, CNY ...
    qualifier = "exact"         # exact | approx | at_least | at_most
    as_of = "2025-02-06"
    reason = "confirmed with the centre's operator"

A date is pinned with `date = "2021-05-31"` instead of value and unit.
"""

from __future__ import annotations

import hashlib
import tomllib
from fractions import Fraction
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.errors import LedgerError
from factcheck.extract.intervals import DEFAULT_TOLERANCE
from factcheck.extract.units import canonical
from factcheck.link.normalise import subject_key
from factcheck.model import Claim, DateSpan, Named, Span


class Pin(BaseModel):
    model_config = ConfigDict(extra="forbid")
    subject: str
    metric: str
    value: float | None = None
    unit: str | None = None
    qualifier: Literal["exact", "approx", "at_least", "at_most"] = "exact"
    date: str | None = None
    as_of: str | None = None
    subject_type: str = "facility"
    reason: str


def load_pins(path: Path) -> list[Claim]:
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        pins = [Pin(**p) for p in data.get("pin", [])]
    except UnicodeDecodeError:
        raise LedgerError(str(path), "cannot read pinned figures (not UTF-8 text)") from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LedgerError(str(path), f"cannot read pinned figures ({exc})") from None
    except ValidationError as exc:
        err = exc.errors()[0]
        raise LedgerError(str(path), f"invalid pin: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
    return [_claim(p, i, path) for i, p in enumerate(pins)]


def _claim(p: Pin, i: int, path: Path) -> Claim:
    ident = hashlib.sha1(f"pin|{p.subject}|{p.metric}|{p.value}|{p.unit}|{p.date}".encode()).hexdigest()[:16]
    claim = Claim(
        id=f"c-{ident}", document="pinned", path=str(path), span=Span(start=0, end=0), line=i + 1, column=1,
        text=p.reason, sentence=f"pinned: {p.reason}", kind="date" if p.date else "quantity",
        subject=Named(text=p.subject, key=subject_key(p.subject), type=p.subject_type),
        metric=Named(text=p.metric, key=p.metric), as_of=p.as_of, modality="actual", confidence=1.0,
    )
    if p.date:
        claim.date = DateSpan(start=p.date, end=p.date, precision="day")
        return claim
    if p.value is None or not p.unit:
        raise LedgerError(str(path), f"pin {i + 1} ({p.subject}) needs value and unit, or date")
    target, factor, _ = canonical(p.unit)
    v = Fraction(str(p.value)) * factor
    claim.value, claim.unit, claim.qualifier = float(v), target, p.qualifier
    if p.qualifier == "approx":
        claim.lower, claim.upper = float(v * (1 - DEFAULT_TOLERANCE)), float(v * (1 + DEFAULT_TOLERANCE))
    elif p.qualifier == "at_least":
        claim.lower, claim.lower_open = float(v), True
    elif p.qualifier == "at_most":
        claim.lower, claim.upper, claim.upper_open = 0.0, float(v), True
    else:
        claim.lower = claim.upper = float(v)
    return claim

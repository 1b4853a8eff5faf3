"""FC204 editions in order

What:
    In one article, the release date of a numbered edition of a title (白皮书2.0) is not earlier
    than the release date of the title without a number, or of a lower number.
Why:
    A second edition published before the first means one of the dates is wrong.
Example:
    002: 2020年10月 首次发布《人工智能计算中心发展白皮书》; 2021年9月 《…白皮书2．0》: in order, passes.
"""

import re
from itertools import combinations

from factcheck.model import Claim
from factcheck.rules.base import Rule

RULE = Rule("FC204", "editions in order", "check_passed", "info", __doc__)
FAILED = Rule("FC204", "editions in order", "check_failed", "warning", __doc__)
_EDITION = re.compile(r"^(?P<base>.+?)(?:v|V|第)?(?P<n>\d+(?:\.\d+)?)(?:版)?$")


def _edition(key: str) -> tuple[str, float]:
    m = _EDITION.match(key)
    if m and not m.group("base").endswith(("19", "20")):
        return m.group("base"), float(m.group("n"))
    return key, 1.0


def check(claims: list[Claim]):
    dated = [c for c in claims if c.kind == "date" and c.date and c.subject and c.subject.type in ("title", "program")]
    for a, b in combinations(dated, 2):
        (ba, na), (bb, nb) = _edition(a.subject.key), _edition(b.subject.key)
        if ba != bb or na == nb:
            continue
        first, second = (a, b) if na < nb else (b, a)
        ok = first.date.start <= second.date.end
        why = (f"{first.subject.text} {first.date.start[:7]} then {second.subject.text} {second.date.start[:7]}: "
               + ("editions in order" if ok else "a later edition dated before an earlier one"))
        yield (RULE if ok else FAILED), [first, second], why

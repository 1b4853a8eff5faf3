"""FC203 part not larger than its whole

What:
    A figure introduced as part of another (其中, of which) must not exceed the whole it belongs to.
Why:
    "Total 246 EFLOPS, of which intelligent compute 76 EFLOPS" is consistent; a part larger than
    its whole means one figure is wrong.
Example:
    004: 算力规模高达 246 Eflops，其中智能算力规模…达到 76 Eflops: passes.
"""

from factcheck.lang.grammar import grammar
from factcheck.model import Claim
from factcheck.rules.base import F, Rule, quantities_by_sentence, visible

RULE = Rule("FC203", "part vs whole", "check_passed", "info", __doc__)
FAILED = Rule("FC203", "part vs whole", "check_failed", "warning", __doc__)
MARKERS = tuple(grammar().checks.part_of)


def check(claims: list[Claim]):
    # a growth rate is no share of a whole: total +25 %, of which intelligent compute +65 %, is fine
    claims = [c for c in claims if not (c.metric and c.metric.key.split("|")[0].startswith("growth"))]
    for sentence, members in quantities_by_sentence(claims):
        for i, part in enumerate(members):
            earlier = [c for c in members[:i] if c.unit == part.unit]
            if not earlier:
                continue
            whole = earlier[-1]
            wt, pt = visible(whole.text), visible(part.text)
            a = sentence.find(wt)
            b = sentence.find(pt, a + len(wt)) if a >= 0 else -1
            between = sentence[a + len(wt) : b] if 0 <= a < b else ""
            if not any(m in between for m in MARKERS):
                continue
            ok = whole.upper is None or F(part.value) <= F(whole.upper)
            why = f"part {part.text.strip()} = {part.value:g} {part.unit} within whole {whole.text.strip()} = {whole.value:g} {whole.unit}"
            yield (RULE if ok else FAILED), [whole, part], why if ok else why.replace("within", "exceeds")

"""Word alternations written as a trie must match exactly as the flat longest-first list does."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.lang.loader import alternation

ALPHABET = "中国科学院华人民共和我内一二三万亿年月aAbBkKsSiſİıK.+ "
words_st = st.lists(st.text(alphabet=ALPHABET, min_size=1, max_size=5), min_size=1, max_size=12)
text_st = st.text(alphabet=ALPHABET + "x\n", max_size=40)
CONTEXTS = ["(?:{})", "(?:{})x", "(?:{})[ ]?$", "(?<!一)(?:{})(?=年|月)", "(?P<w>{})(?:中|a)?国", "(?:{})+"]


def _flat(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _spans(rx, text):
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words_st, text_st, st.sampled_from([0, re.IGNORECASE]))
def test_trie_alternation_matches_as_the_flat_list(words, text, flags):
    text = text + "".join(words[:3])  # the words themselves occur
    for context in CONTEXTS:
        old = re.compile(context.format(_flat(words)), flags)
        new = re.compile(context.format(alternation(words)), flags)
        assert _spans(old, text) == _spans(new, text), (context, words)


def test_a_long_chinese_list_becomes_a_trie_and_a_list_with_cases_stays_flat():
    assert alternation(["中国", "中国科学院", "中华人民共和国", "我国"]) == "中(?:华人民共和国|国(?:科学院)?)|我国"
    assert alternation(["May", "MAY", "June"]) == _flat(["May", "MAY", "June"])

"""Paragraphs, sentences and clauses of the analysis text, as offset ranges."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Chinese sentence punctuation, a line break, or an English full stop before a capital (not 1.5)
_SENTENCE_END = re.compile(r"[。!?！？;；]+[”’\"」』)]?|\n|(?<=[a-z0-9)\]%\"”’])[.!?](?=\s+[A-Z“\"(])")
_CLAUSE_SEP = re.compile(r"[,，:：;；]")


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    clauses: list[tuple[int, int]]

    @property
    def clause_starts(self) -> list[int]:
        cached = self.__dict__.get("_starts")
        if cached is None:
            cached = self.__dict__["_starts"] = [a for a, _ in self.clauses]
        return cached


class Context:
    """Sentence and clause lookup for one analysis text."""

    def __init__(self, text: str):
        self.text = text
        self.sentences: list[Sentence] = []
        para = 0
        pos = 0
        for m in _SENTENCE_END.finditer(text):
            self._add(pos, m.end() if m.group() != "\n" else m.start(), para)
            if m.group() == "\n":
                para += 1
            pos = m.end()
        self._add(pos, len(text), para)
        self._starts = [s.start for s in self.sentences]

    def _add(self, start: int, end: int, para: int) -> None:
        if end <= start or not self.text[start:end].strip():
            return
        clauses, cpos = [], start
        for m in _CLAUSE_SEP.finditer(self.text, start, end):
            clauses.append((cpos, m.start()))
            cpos = m.end()
        clauses.append((cpos, end))
        self.sentences.append(Sentence(start, end, para, clauses))

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def clause_start(self, pos: int) -> int:
        sent = self.sentences[self.sentence_index(pos)]
        return sent.clauses[self.clause_index(sent, pos)][0]

    def clause_index(self, sentence: Sentence, pos: int) -> int:
        starts = sentence.clause_starts
        return max(0, min(len(starts) - 1, bisect.bisect_right(starts, pos) - 1))

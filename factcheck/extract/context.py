"""Paragraphs, sentences and clauses of the analysis text, as offset ranges."""

from __future__ import annotations

import bisect
import re

from factcheck.extract.scan import finditer

# Chinese sentence punctuation, a line break, or an English full stop before a capital (not 1.5)
_SENTENCE_END = re.compile(r"[。!?！？;；]+[”’\"」』)]?|\n|(?<=[a-z0-9)\]%\"”’])[.!?](?=\s+[A-Z“\"(])")
_CLAUSE_SEP = re.compile(r"[,，:：;；](?!(?<=\d,)\d{3}(?!\d))")  # not the comma of 1,900
_NOT_BLANK = re.compile(r"\S")  # the same whitespace as str.strip()


class Sentence:
    """A sentence's offsets and paragraph; its clauses are split on first use (most never are)."""

    __slots__ = ("start", "end", "paragraph", "_text", "_clauses", "_starts")

    def __init__(self, start: int, end: int, paragraph: int, text: str):
        self.start, self.end, self.paragraph = start, end, paragraph
        self._text = text
        self._clauses: list[tuple[int, int]] | None = None
        self._starts: list[int] | None = None

    @property
    def clauses(self) -> list[tuple[int, int]]:
        if self._clauses is None:
            clauses, cpos = [], self.start
            for m in _CLAUSE_SEP.finditer(self._text, self.start, self.end):
                clauses.append((cpos, m.start()))
                cpos = m.end()
            clauses.append((cpos, self.end))
            self._clauses = clauses
        return self._clauses

    @property
    def clause_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [a for a, _ in self.clauses]
        return self._starts


class Context:
    """Sentence and clause lookup for one analysis text."""

    def __init__(self, text: str):
        self.text = text
        self.sentences: list[Sentence] = []
        add, not_blank = self.sentences.append, _NOT_BLANK.search
        para = 0
        pos = 0
        for m in finditer(_SENTENCE_END, text):  # its English branch starts with a lookbehind
            start, end = m.span()
            if text[start] == "\n":  # only the line break alternative starts with one
                if start > pos and (not text[pos].isspace() or not_blank(text, pos, start)):
                    add(Sentence(pos, start, para, text))
                para += 1
            elif end > pos and (not text[pos].isspace() or not_blank(text, pos, end)):
                add(Sentence(pos, end, para, text))
            pos = end
        self._add(pos, len(text), para)
        self._starts = [s.start for s in self.sentences]

    def _add(self, start: int, end: int, para: int) -> None:
        # a sentence with a non-blank first character needs no search (\s is str.isspace)
        if end <= start or (self.text[start].isspace() and not _NOT_BLANK.search(self.text, start, end)):
            return
        self.sentences.append(Sentence(start, end, para, self.text))

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def clause_start(self, pos: int) -> int:
        sent = self.sentences[self.sentence_index(pos)]
        return sent.clauses[self.clause_index(sent, pos)][0]

    def clause_index(self, sentence: Sentence, pos: int) -> int:
        starts = sentence.clause_starts
        return max(0, min(len(starts) - 1, bisect.bisect_right(starts, pos) - 1))

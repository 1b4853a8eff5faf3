"""JUnit XML: one test case per new document, failing with its findings at or above --fail-on;
always at least one test case, so a clean run still shows as a passing test."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from factcheck.model import Report
from factcheck.report.safe import plain

# characters XML 1.0 cannot hold at all, even escaped (C0 controls but tab and newlines, lone
# surrogates from file names that are not UTF-8, U+FFFE and U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text XML can hold: each character it cannot is written as \\xNN (or \\uNNNN)."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)

RANK = {"info": 0, "warning": 1, "error": 2}


def render_junit(report: Report, fail_on: str, headline: str) -> str:
    by_id = {c.id: c for c in report.claims}
    floor = 99 if fail_on == "never" else RANK[fail_on]
    per_doc: dict[str, list] = {d.id: [] for d in report.documents}
    for f in report.findings or []:
        docs = {by_id[i].document for i in f.claims if i in by_id} & set(per_doc)
        for d in docs:
            per_doc[d].append(f)
    suite = ET.Element("testsuite", name="factcheck", tests=str(max(1, len(per_doc))))
    failures = 0
    if not per_doc:
        ET.SubElement(suite, "testcase", classname="factcheck", name=xml_text(headline))
    for doc in sorted(per_doc):
        path = next((d.path for d in report.documents if d.id == doc), doc) or doc
        case = ET.SubElement(suite, "testcase", classname="factcheck.gate", name=xml_text(path))
        bad = [f for f in per_doc[doc] if RANK[f.severity] >= floor]
        if bad:
            failures += 1
            fail = ET.SubElement(case, "failure", message=f"{len(bad)} finding(s) at or above {fail_on}", type=xml_text(bad[0].rule))
            fail.text = xml_text("\n".join(plain(f"{f.rule} {f.kind}: {f.why}") for f in bad))
    suite.set("failures", str(failures))
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

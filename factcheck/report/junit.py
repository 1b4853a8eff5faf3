"""JUnit XML: one test case per new document, failing with its findings at or above --fail-on;
always at least one test case, so a clean run still shows as a passing test."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from factcheck.model import Report
from factcheck.report.safe import plain

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
        ET.SubElement(suite, "testcase", classname="factcheck", name=headline)
    for doc in sorted(per_doc):
        path = next((d.path for d in report.documents if d.id == doc), doc) or doc
        case = ET.SubElement(suite, "testcase", classname="factcheck.gate", name=path)
        bad = [f for f in per_doc[doc] if RANK[f.severity] >= floor]
        if bad:
            failures += 1
            fail = ET.SubElement(case, "failure", message=f"{len(bad)} finding(s) at or above {fail_on}", type=bad[0].rule)
            fail.text = "\n".join(plain(f"{f.rule} {f.kind}: {f.why}") for f in bad)
    suite.set("failures", str(failures))
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

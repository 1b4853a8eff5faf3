"""A claim's JSON line is byte for byte what the standard library writes for pydantic's JSON mode,
json.dumps(claim.model_dump(mode="json"), ensure_ascii=False), however it is made (model_json
takes pydantic's own serializer where that gives the same bytes)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, computed_field, field_serializer

from factcheck.api import read_and_extract
from factcheck.model import Claim
from factcheck.model_json import json_mode_text, model_json

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.function_scoped_fixture])

ARTICLES = {
    "port.md": (
        "---\ntitle: \"港口\\\"智慧码头\\\"二期投用\"\npublished: 2025-03-18\n---\n"
        "首页 > 新闻中心 > 经济\t| 分享到：微信 微博\n\n"
        "据海港集团3月18日消息，“智慧码头”二期工程已于本月投用，年吞吐能力提升至 650 万标箱，"
        "比一期增长约 38.5%。\n"
        "项目总投资 27.4 亿元，其中自动化设备占比超过六成；岸桥定位误差仅为 0.00004 米。\n"
        "集团表示，到2027年底，全港集装箱吞吐量有望突破1200万标箱（含内贸），较2024年增加三成左右。\n"
        "（来源：本报记者 \\ 编辑：李明）😀 转载请注明出处\n"
        "责任编辑：王芳\n"
    ),
    "grid.txt": (
        "Home | Energy | Markets\n"
        "Published: 12 May 2025\n\n"
        "Regional grid operator \"NorthLink\" said on Monday that peak demand reached 18.6 GW last winter, "
        "up 4.2 percent from a year earlier, and that battery storage on the network doubled to 1,250 MW.\n"
        "The operator expects to spend $2.3 billion by 2028 on new lines; a C:\\grid\\plan file was cited.\n"
        "Losses fell to 0.0000072 of the energy carried, it said\u2028— about 3.5 TWh a year.\n"
        "Share this article\tTwitter\tFacebook\n"
    ),
    "mixed.md": (
        "# 数据中心能耗报告 / Data centre energy\n\n"
        "发布时间：2024年11月2日\n\n"
        "该园区 2023 年用电量为 9.8 亿千瓦时，PUE 降至 1.19；2024年上半年新增机柜 3200 个。\n"
        "The campus added 3,200 racks in the first half of 2024 and cut water use by 12%.\n"
        "阅读 1.2万 | 点赞 356\n"
    ),
}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    from factcheck.settings import Settings

    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    _, claims, mentions, _, _ = read_and_extract([str(folder)], Settings(), mentions=True)
    assert len(claims) >= 15 and len(mentions) >= 5
    return claims, mentions


def _reference(model: BaseModel) -> bytes:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False).encode()


def test_every_claim_and_mention_of_real_looking_pages_is_written_as_json_writes_it(extracted, seed_run):
    claims, mentions = extracted
    _, seed_claims, seed_mentions, _, _ = seed_run
    everything = claims + mentions + seed_claims + seed_mentions
    assert any(type(c.value) is float and abs(c.value) < 1e-4 for c in everything)  # a float json writes 7.2e-06
    assert any('\\"' in json_mode_text(c) for c in everything)  # a quote inside a sentence
    differ = [c.id for c in everything if model_json(c) != _reference(c)]
    assert not differ


def test_the_written_report_holds_exactly_the_json_of_each_claim(tmp_path, extracted):
    from typer.testing import CliRunner

    from factcheck.cli import app

    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out" / "report.json"
    piped = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "json", "--mentions", "--no-cache"])
    written = CliRunner().invoke(app, ["extract", str(tmp_path), "--format", "json", "--mentions", "--no-cache",
                                       "-o", str(out)])
    assert piped.exit_code == written.exit_code == 0, piped.output
    data = out.read_bytes()
    assert piped.stdout_bytes == data
    report = json.loads(data)
    assert len(report["claims"]) >= 15 and len(report["mentions"]) >= 5
    lines = data.decode().split("\n")  # not splitlines: a sentence may hold U+2028
    start, end = lines.index('  "claims": ['), lines.index('  "mentions": [')
    claim_lines = [line.strip().removesuffix(",") for line in lines[start + 1 : end - 1]]
    assert len(claim_lines) == len(report["claims"])
    for line in claim_lines:  # each line is what the standard library writes for that claim
        assert json.dumps(Claim.model_validate_json(line).model_dump(mode="json"), ensure_ascii=False) == line


odd_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", '"', "\\", "\\\"", "\x00\x1f\x7f", "\n}, {\n", ",\n", "\u2028\u2029", "😀中文", "\t\b\f\r"])
odd_number = (st.none() | st.integers(min_value=-(2**80), max_value=2**80)
              | st.floats(allow_nan=True, allow_infinity=True)
              | st.sampled_from([1e-7, 1e-5, 1e-4, 0.1 + 0.2, -0.0, 1e16, 1e22, 5e-324, 9.99e-5, 123456.789]))


@PROPERTY
@given(text=odd_text, sentence=odd_text, unit=st.none() | odd_text, value=odd_number, lower=odd_number,
       upper=odd_number, confidence=st.floats(allow_nan=True, allow_infinity=True), line=st.integers(0, 2**70),
       named=st.none() | st.builds(dict, text=odd_text, key=odd_text, type=st.none() | odd_text))
def test_any_strings_and_numbers_in_a_claim_are_written_as_json_writes_them(
        extracted, text, sentence, unit, value, lower, upper, confidence, line, named):
    claim = extracted[0][0]
    update = {"text": text, "sentence": sentence, "unit": unit, "value": value, "lower": lower, "upper": upper,
              "resolution": value, "confidence": confidence, "line": line, "reason": None, "path": None}
    changed = claim.model_copy(update=update | {"subject": Claim.model_fields["subject"].annotation.__args__[0](**named)
                                                if named else None})
    assert model_json(changed) == _reference(changed)


def test_a_lone_surrogate_fails_as_it_always_did(extracted):
    claim = extracted[0][0].model_copy(update={"sentence": "a\ud800b"})
    with pytest.raises(UnicodeEncodeError):
        _reference(claim)
    with pytest.raises(UnicodeEncodeError):
        model_json(claim)


class _WithList(BaseModel):
    name: str
    values: list[float]


class _WithSerializer(BaseModel):
    share: str

    @field_serializer("share")
    def _as_fraction(self, value: str) -> float:
        return float(value)


class _Computed(BaseModel):
    total: int

    @computed_field
    @property
    def rate(self) -> float:
        return self.total * 1e-9


class _Nested(BaseModel):
    inner: _Computed | None = None
    weight: float = 0.5


@PROPERTY
@given(number=st.floats(allow_nan=True, allow_infinity=True), total=st.integers(0, 10**6))
def test_fields_the_fast_path_does_not_cover_are_written_as_json_writes_them(number, total):
    """A list, a serializer of the model's own, a computed field: model_json must not guess."""
    models = [_WithList(name="x", values=[number, 1e-7]), _WithSerializer(share=repr(number)),
              _Computed(total=total), _Nested(inner=_Computed(total=total), weight=number), _Nested(weight=number)]
    for model in models:
        assert model_json(model) == _reference(model)


def test_claims_take_the_fast_path(extracted, monkeypatch):
    """Claim's fields are all of kinds the fast path covers (a field added of another kind would
    silently make every report slower: cover it in model_json, or change this test knowingly)."""
    import factcheck.model_json as mj

    plain = [c for c in extracted[0] if all(type(v) is not float or v == 0 or 1e-4 <= abs(v) < math.inf
                                            for v in (c.value, c.lower, c.upper, c.resolution, c.confidence))]
    assert plain
    monkeypatch.setattr(mj, "json_mode_text", lambda model: pytest.fail("took json's path"))
    for c in plain:
        model_json(c)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "latin-1"])
def test_a_report_goes_to_standard_output_in_its_encoding(extracted, monkeypatch, encoding):
    """Claims written as UTF-8 bytes straight to a UTF-8 standard output, and as text to any other."""
    import io

    from factcheck.cli.base import _emit

    pieces = ["{\n", b'"\xe4\xb8\xad" \xf0\x9f\x98\x80\n', "caf\u00e9 \u00e9\n", b"}\n"]
    raw = io.BytesIO()
    monkeypatch.setattr("sys.stdout", io.TextIOWrapper(raw, encoding=encoding, errors="replace"))
    _emit(iter(pieces), None)
    expected = "".join(p if isinstance(p, str) else p.decode() for p in pieces)
    assert raw.getvalue() == expected.encode(encoding, errors="replace")

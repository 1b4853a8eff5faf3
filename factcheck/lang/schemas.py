"""Pydantic schemas of the data files: a typo in a data file fails loudly at load time."""

from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(_Strict):
    words: list[str]


class CountBefore(_Strict):
    words: list[str]
    verbs: list[str] = []


class NumeralsFile(_Strict):
    digits: dict[str, int]
    units: dict[str, int]
    sections: dict[str, int]
    aliases: dict[str, str]
    fractions: dict[str, float]
    letter_sections: dict[str, int] = {}
    mega_words: Words | None = None


class OpsRate(_Strict):
    after: list[str]
    before: list[str]
    context: list[str] = []
    always_from: float = 1e13


class Discount(_Strict):
    word: str
    not_before: str


class RocYear(_Strict):
    first: int
    before: str
    after: str


class DocumentCurrency(_Strict):
    declare_words: list[str]
    declare: dict[str, str]
    renminbi: list[str]
    markers: dict[str, str]
    figure_markers: dict[str, str] = {}
    figure_markers_not_after: str = ""


class UnitsFile(_Strict):
    units: dict[str, tuple[str, float]]
    measure_words: Words
    multipliers: dict[str, int]
    discount: Discount | None = None
    money_subunits: dict[str, float] = {}
    count_nouns: Words | None = None
    money_words: Words | None = None
    before_units: dict[str, tuple[str, float]] = {}
    ops_rate: OpsRate | None = None
    currency_before: dict[str, str] = {}
    document_currency: DocumentCurrency | None = None
    after_section: dict[str, tuple[str, float]] = {}
    after_decimal: dict[str, tuple[str, float]] = {}
    count_before: CountBefore | None = None
    change_to: Words | None = None
    list_join: Words | None = None
    points_before: Words | None = None
    symbol_before: dict[str, str] = {}
    table_unit: Words | None = None
    index_before: Words | None = None


class QualifiersFile(_Strict):
    before: dict[str, str]
    after: dict[str, str]
    before_scale: dict[str, str] = {}


class DatesFile(_Strict):
    relative_years: dict[str, int]
    following_year: Words
    periods: dict[str, tuple[int, int]]
    quarter_parts: dict[str, tuple[int, int]]
    month_parts: dict[str, tuple[int, int]]
    relative_months: dict[str, int]
    relative_days: dict[str, int]
    week_prefixes: dict[str, int]
    week_words: Words
    weekdays: dict[str, int]
    offset_units: dict[str, tuple[Literal["year", "month", "week", "day", "workday", "hour", "minute", "second"], int]]
    offset_before: dict[str, Literal["future", "past", "past_point", "ahead"]]
    offset_after: dict[str, Literal["before", "after", "since", "within"]]
    seasons: dict[str, str]
    solar_terms: Words
    holidays_fixed: dict[str, tuple[int, int]]
    holidays_lunar: dict[str, tuple[int, int]]
    holidays_weekday: dict[str, tuple[int, int, int]]
    holidays_term: dict[str, str]
    lunar_markers: Words
    lunar_months: dict[str, int]
    decade_parts: dict[str, tuple[int, int]]
    century_parts: dict[str, tuple[int, int]]
    clock_words: Words
    clock_tails: Words
    vague_recent: dict[str, int]
    as_of: Words
    as_of_relative: dict[str, tuple[int, Literal["same", "end"]]]
    now: Words
    now_mentions: Words
    day_parts: Words
    eras: dict[str, int]
    report_verbs: Words
    reporters: Words
    centuries: dict[str, str]
    same_year: Words
    not_offsets: Words = Words(words=[])
    roc_year: RocYear | None = None
    fiscal_year: Words | None = None


class ModalityFile(_Strict):
    plan: Words
    forecast: Words
    actual: Words


class Spam(_Strict):
    separators: list[str]
    min_separators: int
    max_item_chars: int


class Attribution(_Strict):
    words: list[str]
    before: list[str]
    own_results: list[str] = []
    own_results_lead: list[str] = []


class Instrument(_Strict):
    patterns: list[str]
    identifying: list[str] = []


class Prefixes(_Strict):
    prefixes: list[str]


class Phrases(_Strict):
    phrases: list[str]


class LoneNumeral(_Strict):
    before: str
    after: str


class PageNoise(_Strict):
    byline_words: list[str]
    related_headings: list[str]
    promo: list[str]
    cookie: list[str]
    footer: list[str]
    max_chrome_chars: int = 80
    max_listing_chars: int = 60
    max_promo_chars: int = 160
    max_footer_chars: int = 240
    keyword_items: int = 5
    keyword_item_chars: int = 10


class FiltersFile(_Strict):
    patterns: dict[str, str]
    pattern_hints: dict[str, str]
    idioms: Words
    ordinal: Prefixes
    rank_verbs: Words
    rank_words: Words
    chrome: Phrases
    spam: Spam
    attribution: Attribution
    instrument: Instrument
    lone_numeral: LoneNumeral | None = None
    noise: PageNoise | None = None


class Heads(_Strict):
    facility: list[str]
    organisation: list[str]
    program: list[str]
    region: list[str]
    recurring: list[str] = []


class Organisations(_Strict):
    names: list[str]
    sources: list[str]
    national_sources: list[str]


class Places(_Strict):
    names: list[str]
    suffixes: list[str]
    provinces: list[str] = []


class National(_Strict):
    canonical: str
    words: list[str]


class Chars(_Strict):
    chars: str


class MaxPrefix(_Strict):
    chars: int


class PageNation(_Strict):
    name: str
    words: list[str]
    places: list[str] = []


class EntitiesFile(_Strict):
    heads: Heads
    organisations: Organisations
    places: Places
    national: National
    generic_prefix: Words
    stop_words: Words
    stop_chars: Chars
    max_prefix: MaxPrefix
    listed: Words | None = None
    page_nation: dict[str, PageNation] = {}
    regional_sources: dict[str, list[str]] = {}


class MetricDef(_Strict):
    words: list[str]
    dimension: str
    varies: bool
    cumulative: bool = False
    broader: str | None = None
    default: bool = False


class ScopeDef(_Strict):
    labels: dict[str, list[str]]
    after: dict[str, list[str]] = {}
    default: list[str] = []
    attached: bool = False
    invariant: bool = False
    dimensions: list[str] = []
    not_dimensions: list[str] = []
    not_followed_by: list[str] = []
    not_after: list[str] = []
    sentence: bool = False
    heads: bool = False


class MetricsFile(_Strict):
    metrics: dict[str, MetricDef]
    invariant_markers: Words
    cumulative_markers: Words
    events: dict[str, list[str]]
    scopes: dict[str, ScopeDef] = {}


class Wrapping(_Strict):
    trailing: list[str] = []
    modifiers: list[str] = []


class HeadsFile(_Strict):
    fold: dict[str, list[str]]
    wrapping: Wrapping = Wrapping()


class Alias(_Strict):
    canonical: str
    forms: list[str]


class AliasesFile(_Strict):
    alias: list[Alias]


# --- English -------------------------------------------------------------------------------------
class EnNumbersFile(_Strict):
    words: dict[str, int]
    scales: dict[str, int]
    suffixes: dict[str, int] = {}
    multipliers: dict[str, int] = {}
    fractions: dict[str, int] = {}
    ordinal_units: dict[str, int] = {}
    signs: Words = Words(words=[])
    pronoun_before: Words = Words(words=[])


class SharedSymbol(_Strict):
    unit: str  # the other currency the symbol stands for
    words: list[str]  # words that speak of that currency's country
    against: list[str]  # words that speak of the symbol's usual currency's country


class EnUnitsFile(_Strict):
    units: dict[str, tuple[str, float]]
    currency_before: dict[str, str]
    count_nouns: Words
    compute_context: Words
    not_counted: Words = Words(words=[])
    equivalent: Words = Words(words=[])
    shared_symbols: dict[str, SharedSymbol] = {}
    street_names: Words = Words(words=[])


class EnDatesFile(_Strict):
    months: dict[str, int]
    relative_years: dict[str, int]
    relative_weeks: dict[str, int]
    periods: dict[str, tuple[int, int]]
    as_of: Words
    year_prepositions: Words
    weekdays: dict[str, int] = {}
    relative_days: dict[str, int] = {}
    units: dict[str, tuple[str, int]] = {}
    directions: dict[str, int] = {}
    nearest: Words = Words(words=[])
    offsets_after: dict[str, int] = {}
    holidays: dict[str, tuple[int, int]] = {}
    easter_holidays: dict[str, int] = {}
    nth_weekday_holidays: dict[str, tuple[int, int, int] | tuple[int, int, int, int]] = {}
    weekend: Words = Words(words=[])
    day_ordinals: dict[str, int] = {}
    parts: dict[str, int] = {}
    month_parts: dict[str, tuple[int, int]] = {}
    open_after: Words = Words(words=[])
    week_of: Words = Words(words=[])
    week_from: Words = Words(words=[])
    open_after_not: Words = Words(words=[])
    fiscal: Words = Words(words=[])
    fiscal_abbr: Words = Words(words=[])
    year_to: Words = Words(words=[])


class EnOrganisations(_Strict):
    names: list[str]


class Countries(_Strict):
    names: list[str]
    pointing: list[str]


class EnEntitiesFile(_Strict):
    heads: Heads
    organisations: EnOrganisations
    national: National
    countries: Countries
    direction_words: Words
    determiners: Words
    name_verbs: Words = Words(words=[])
    company_suffixes: Words = Words(words=[])
    not_names: Words = Words(words=[])
    speech_verbs: Words = Words(words=[])
    modifier_nouns: Words = Words(words=[])
    deal_nouns: Words = Words(words=[])
    regions: Words = Words(words=[])
    sentence_adverbs: Words = Words(words=["Meanwhile"])
    place_pointing: Words = Words(words=[])
    total_words: Words = Words(words=[])


class EnMetricsFile(_Strict):
    words: dict[str, str]
    events: dict[str, str]


class GazetteerFile(_Strict):
    places: dict[str, list[str]]
    names: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}

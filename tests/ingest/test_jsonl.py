from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopse.config import IngestSettings
from synopse.errors import ConfigError, InputError
from synopse.ingest.files import RawDocument
from synopse.ingest.jsonl import (
    DEFAULT_FIELDS,
    field_paths,
    parse_field_map,
    read_json,
    record_to_document,
)

FIXTURES = Path(__file__).parent / "fixtures" / "json"
SETTINGS = IngestSettings()


def read(name: str, settings: IngestSettings = SETTINGS) -> list[RawDocument | InputError]:
    return list(read_json(FIXTURES / name, settings))


def documents(items: list[RawDocument | InputError]) -> list[RawDocument]:
    assert all(isinstance(item, RawDocument) for item in items), items
    return [item for item in items if isinstance(item, RawDocument)]


def test_an_array_is_read_with_the_default_field_names() -> None:
    first, second = documents(read("array.json"))
    assert (first.id, first.source) == ("rb-4711", f"{FIXTURES / 'array.json'}#0")
    assert first.title == "Stadtwerke senken den Gaspreis zum Juli"
    assert first.text.startswith("Die Stadtwerke senken zum 1. Juli den Gaspreis")
    assert first.url == "https://rheinblatt.example/wirtschaft/gaspreis"
    assert first.published == "2025-06-02T10:00:00+02:00"
    assert first.outlet == "Rheinblatt"  # from {"name": ...}
    assert first.author == "Lea Kowalski, Murat Yılmaz"  # a list of strings and objects
    assert (second.id, second.outlet, second.published) == ("array-1", "Elbkurier", "2025-06-02")


def test_a_news_please_export_wrapped_in_articles_is_read() -> None:
    first, second = documents(read("wrapped.json"))
    assert first.title == "Hochwasser an der Mosel geht langsam zurück"
    assert first.outlet == "moselbote.example"
    assert (first.published, first.crawled) == ("2025-01-08T06:45:00", "2025-01-08T07:02:13")
    assert second.published == "2025-01-08T06:45:00+00:00"  # a Unix timestamp


@pytest.mark.parametrize("wrapper", ["articles", "items", "data"])
def test_each_wrapper_key_holds_the_records(tmp_path: Path, wrapper: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({wrapper: [{"text": "Der Rat tagt."}]}), encoding="utf-8")
    (document,) = documents(list(read_json(path, SETTINGS)))
    assert (document.id, document.text) == ("export-0", "Der Rat tagt.")


def test_a_single_article_object_is_one_document_with_a_numeric_id() -> None:
    (document,) = documents(read("single.json"))
    assert (document.id, document.source) == ("42", str(FIXTURES / "single.json"))
    assert document.author == "Von Ines Hartmann"


def test_a_broken_jsonl_line_is_an_error_and_the_batch_goes_on() -> None:
    items = read("broken.jsonl")
    path = FIXTURES / "broken.jsonl"
    assert [getattr(item, "source", None) for item in items] == [
        f"{path}:{n}" for n in (1, 2, 4, 5, 6)
    ]  # the blank line 3 is skipped
    good = [item for item in items if isinstance(item, RawDocument)]
    assert [d.id for d in good] == ["a1", "5"]
    bad = [item for item in items if isinstance(item, InputError)]
    assert "invalid JSON at column" in bad[0].problem
    assert "record is an array" in bad[1].problem
    assert "article text is missing" in bad[2].problem and "maintext" in bad[2].problem


def test_nested_fields_are_read_through_a_dotted_field_map() -> None:
    spec = "title=meta.headline, text=body.content, outlet=meta.source, published=meta.when"
    settings = IngestSettings(field_map=parse_field_map(spec))
    first, second = documents(read("nested.jsonl", settings))
    assert first.title == "Landtag debattiert über Schulbau"
    assert first.text.startswith("Der Landtag hat am Dienstag")
    assert (first.outlet, first.published) == ("Elbkurier", "2025-03-11")
    assert (second.outlet, second.published) == ("Rheinblatt", None)


def test_a_mapped_field_replaces_the_default_names(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "Alt", "kicker": "Neu", "text": "Der Rat tagt."}\n', "utf-8")
    settings = IngestSettings(field_map=(("title", "kicker"),))
    (document,) = documents(list(read_json(path, settings)))
    assert document.title == "Neu"


def test_html_in_the_text_field_is_reduced_to_its_main_text_keeping_record_metadata() -> None:
    page, fragment = documents(read("html_text.json"))
    assert "Die Kanalbrücke an der Hafenstraße wird ab Montag" in page.text
    assert "<p>" not in page.text and "Impressum" not in page.text
    assert (page.title, page.outlet, page.published) == (
        "Brücke wird ab Montag saniert",
        "Stadtspiegel",
        "2025-04-03",
    )
    assert any(line.text == "Start Verkehr" for line in page.removed)
    assert fragment.text.startswith("Ein Absatz ohne Seite drumherum")
    assert "<p>" not in fragment.text


@pytest.mark.parametrize(
    ("index", "problem"),
    [
        (0, "field 'title' is an array; expected a string"),
        (1, "field 'published' is a boolean; expected an ISO date string or a Unix timestamp"),
        (2, "field 'text' is a number; expected a string"),
        (3, "field 'author' is a number"),
    ],
)
def test_a_field_of_the_wrong_type_is_an_error_naming_record_and_field(
    index: int, problem: str
) -> None:
    error = read("wrong_types.json")[index]
    assert isinstance(error, InputError)
    assert error.source == f"{FIXTURES / 'wrong_types.json'}#{index}"
    assert problem in error.problem


def test_a_null_field_counts_as_absent() -> None:
    document = read("wrong_types.json")[4]
    assert isinstance(document, RawDocument) and document.author is None


def test_an_invalid_json_file_is_one_error_with_the_position() -> None:
    (error,) = read("invalid.json")
    assert isinstance(error, InputError)
    assert error.problem == "invalid JSON at line 4, column 1: Expecting value"


def test_a_json_file_holding_json_lines_is_read_line_by_line() -> None:
    items = documents(read("lines_in_json.json"))
    assert [d.title for d in items] == ["Eins", "Zwei"]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("leer.json", "[]", "holds no article records"),
        ("leer.jsonl", "\n\n", "holds no article records"),
        ("zahl.json", "17", "expected an array of article objects"),
        ("latin.json", '{"text": "Grüße"}'.encode("latin-1"), "not UTF-8 (byte 0xfc at offset"),
    ],
)
def test_unusable_files_are_one_error(
    tmp_path: Path, name: str, content: str | bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    (error,) = read_json(path, SETTINGS)
    assert isinstance(error, InputError) and problem in error.problem


def test_an_overlong_jsonl_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    path = tmp_path / "lang.jsonl"
    long_line = json.dumps({"text": "Wort " * 50_000})
    path.write_text(long_line + "\n" + '{"text": "Kurz."}\n', encoding="utf-8")
    error, document = read_json(path, IngestSettings(max_bytes=10_000))
    assert isinstance(error, InputError) and "longer than the limit of 10000" in error.problem
    assert isinstance(document, RawDocument) and document.source == f"{path}:2"


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    (error,) = read_json(tmp_path / "fehlt.jsonl", SETTINGS)
    assert isinstance(error, InputError) and "cannot be read" in error.problem


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("titel=headline", "unknown article field 'titel'; expected one of title, text"),
        ("title", "'title' is not FIELD=INPUT_FIELD"),
        ("title=a,title=b", "'title' is mapped twice"),
        ("text=body..content", "has an empty part in its path"),
    ],
)
def test_a_bad_field_map_is_a_config_error_listing_valid_fields(spec: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_field_map(spec)


def test_a_field_map_spec_becomes_pairs() -> None:
    assert parse_field_map(" title=headline ,text=body.content,") == (
        ("title", "headline"),
        ("text", "body.content"),
    )


def test_default_fields_are_the_raw_document_fields_an_input_can_carry() -> None:
    carried = {"id", "text", "title", "url", "published", "outlet", "author", "crawled"}
    assert set(DEFAULT_FIELDS) == carried
    assert carried <= set(RawDocument.__dataclass_fields__)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["text", "title", "id", "authors", "x"]), children)
    ),
    max_leaves=8,
)


INPUT_NAMES = sorted({name for names in DEFAULT_FIELDS.values() for name in names})


@given(record=st.dictionaries(st.sampled_from(INPUT_NAMES), json_values))
def test_any_json_record_gives_a_document_or_an_input_error(record: dict[str, object]) -> None:
    result = record_to_document(record, "x.json#0", "x-0", field_paths(()), SETTINGS)
    assert isinstance(result, RawDocument | InputError)
    if isinstance(result, RawDocument):
        assert result.text.strip()


@given(text=st.text(min_size=1).filter(lambda t: t.strip() and not t.lstrip().startswith("<")))
def test_plain_text_survives_a_jsonl_round_trip(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("rt") / "a.jsonl"
    path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    (document,) = read_json(path, SETTINGS)
    assert isinstance(document, RawDocument)
    assert document.text == text.replace("\r\n", "\n")

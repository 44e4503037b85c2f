from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from rag.errors import IngestError
from rag.ingest.pipeline import content_hash
from rag.ingest.readers import RecordError, discover, normalise_date, read_file
from rag.types import Article
from tests.conftest import CORPUS
from tests.pdfgen import text_pdf


def read_one(path: Path) -> Article:
    items = list(read_file(path, path.parent))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_bundled_corpus_metadata_comes_from_the_sidecar():
    a = read_one(CORPUS / "001_fe26a455a43feec8.txt")
    assert a.id == "001_fe26a455a43feec8"
    assert a.title == "ISW: Russia resists territorial compromises in future peace talks"
    assert a.outlet == "Euromaidan Press" and a.published is None
    assert "Mykolaiv and Kharkiv oblasts" in a.text
    assert read_one(CORPUS / "000_8e2108904c7ded15.txt").published == "2025-05-20"


def test_txt_without_metadata_takes_its_first_line_as_title(tmp_path: Path):
    f = tmp_path / "note.txt"
    f.write_text("\n\nTalks resume in Istanbul\nBody text here.", encoding="utf-8")
    a = read_one(f)
    assert (a.title, a.outlet, a.id) == ("Talks resume in Istanbul", None, "note")


def test_markdown_front_matter(tmp_path: Path):
    f = tmp_path / "story.md"
    f.write_text(
        "---\ntitle: Ceasefire holds\nsource: Kyiv Independent\ndate: 2025-03-18\n"
        "url: https://example.org/a\n---\n# Ceasefire holds\n\nThe ceasefire held overnight.\n",
        encoding="utf-8",
    )
    a = read_one(f)
    assert (a.title, a.outlet, a.published, a.url) == (
        "Ceasefire holds",
        "Kyiv Independent",
        "2025-03-18",
        "https://example.org/a",
    )
    assert "held overnight" in a.text and "---" not in a.text


@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_a_header_block_under_the_headline_gives_date_outlet_and_url(tmp_path: Path, suffix: str):
    f = tmp_path / f"strike{suffix}"
    f.write_text(
        "# Dockworkers walk out\n\nOutlet: Valdoria Press Agency\nDate: 2026-03-02\nURL: https://vpa.example/a\n\n"
        "Dockworkers walked off the job on Monday. Source: the union.\n",
        encoding="utf-8",
    )
    a = read_one(f)
    assert (a.outlet, a.published, a.url) == ("Valdoria Press Agency", "2026-03-02", "https://vpa.example/a")
    assert "walked off the job" in a.text and "Outlet:" not in a.text and "Date:" not in a.text
    # Only an opening block counts: a "Source:" deep in the body is a sentence, and front matter wins.
    g = tmp_path / f"later{suffix}"
    g.write_text("Talks resume\n\nThe talks resumed.\n\nDate: 2020-01-01\n", encoding="utf-8")
    assert read_one(g).published is None
    # A byline inside the block is part of it (explore17b: "By:" between "Source:" and "Published:").
    b = tmp_path / f"byline{suffix}"
    b.write_text(
        "Fever cases reach 41\nSource: The Harbour Post\nBy: Tamsin Orlov\nPublished: 14 September 2026\n"
        "Link: https://hp.example/41\n\nSchools will close from Wednesday.\n",
        encoding="utf-8",
    )
    c = read_one(b)
    assert (c.outlet, c.published, c.url) == ("The Harbour Post", "2026-09-14", "https://hp.example/41")
    assert "Tamsin" not in c.text and c.text.strip().endswith("from Wednesday.")
    h = tmp_path / "both.md"
    h.write_text("---\ndate: 2025-03-18\n---\n# Ceasefire\n\nDate: 2026-01-01\n\nIt held.\n", encoding="utf-8")
    assert read_one(h).published == "2025-03-18"


def test_html_boilerplate_is_stripped(tmp_path: Path):
    body = " ".join(["Negotiators met in Riyadh to discuss a maritime ceasefire in the Black Sea."] * 6)
    f = tmp_path / "page.html"
    f.write_text(
        f"""<html><head><title>Black Sea talks</title>
        <meta property="og:site_name" content="Example Times">
        <meta property="article:published_time" content="2025-03-24T10:00:00Z">
        <script>alert('x')</script><style>p {{color: red}}</style></head>
        <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Black Sea talks</h1><p>{body}</p></article>
        <footer>Subscribe to our newsletter! Cookie settings</footer></body></html>""",
        encoding="utf-8",
    )
    a = read_one(f)
    assert "Riyadh" in a.text
    assert "alert" not in a.text and "Cookie settings" not in a.text and "color: red" not in a.text
    assert a.title == "Black Sea talks"
    assert a.outlet == "Example Times"
    assert a.published == "2025-03-24"


def test_an_html_page_is_not_dated_by_an_event_its_text_reports(tmp_path: Path):
    body = " ".join(["The envoys met in Baku on 8 April 2025 to discuss energy supplies and transit."] * 4)
    f = tmp_path / "page.html"
    f.write_text(f"<html><head><title>Baku talks</title></head><body><p>{body}</p></body></html>")
    assert read_one(f).published is None  # not 2025-04-08
    f.write_text(
        f'<html><head><title>Baku talks</title><meta property="article:published_time" content="2025-04-10">'
        f"</head><body><p>{body}</p></body></html>"
    )
    assert read_one(f).published == "2025-04-10"


def test_pdf_text_and_title(tmp_path: Path):
    f = tmp_path / "report.pdf"
    f.write_bytes(text_pdf(["Energy infrastructure strikes paused for 30 days.", "Both sides agreed."], "ISW report"))
    a = read_one(f)
    assert "Energy infrastructure strikes paused" in a.text
    assert a.title == "ISW report"


def test_a_pdf_heading_is_not_run_into_the_sentence_below_it(tmp_path: Path):
    """explore10 M8: PDF text keeps single line breaks, so a heading was quoted with the first sentence."""
    f = tmp_path / "wrapped.pdf"
    lines = [
        "KYIV INDEPENDENT",
        "Grain corridor reopens",
        "Ukraine reopened the Black Sea grain corridor on 2 May 2025, the",
        "infrastructure ministry said. Ships left Odesa, Chornomorsk and",
        "Pivdennyi the same day. Officials expect 30 ships a week.",
    ]
    f.write_bytes(text_pdf(lines))
    paragraphs = [" ".join(p.split()) for p in read_one(f).text.split("\n\n")]
    assert paragraphs == [
        "KYIV INDEPENDENT",
        "Grain corridor reopens",
        "Ukraine reopened the Black Sea grain corridor on 2 May 2025, the infrastructure ministry said. Ships left "
        "Odesa, Chornomorsk and Pivdennyi the same day. Officials expect 30 ships a week.",
    ]


def test_json_records_one_article_each_and_bad_records_reported_alone(tmp_path: Path):
    f = tmp_path / "feed.json"
    f.write_text(
        json.dumps(
            [
                {
                    "title": "A",
                    "body": "Alpha text.",
                    "source": {"name": "Reuters"},
                    "publishedAt": "2025-04-01T08:00:00Z",
                },
                {
                    "title": "B",
                    "text": "Beta text.",
                    "outlet": "AP",
                    "date": "April 2, 2025",
                    "url": "https://x/b",
                },
                {"title": "no body"},
                "not an object",
            ]
        ),
        encoding="utf-8",
    )
    items = list(read_file(f, tmp_path))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, RecordError)]
    assert [(a.title, a.outlet, a.published) for a in articles] == [
        ("A", "Reuters", "2025-04-01"),
        ("B", "AP", "2025-04-02"),
    ]
    assert len({a.id for a in articles}) == 2 and all(a.id.startswith("feed#") for a in articles)
    assert [e.source for e in errors] == [f"{f} record 3", f"{f} record 4"]
    assert "no article text" in errors[0].reason


def test_jsonl_malformed_line_is_reported_and_the_rest_read(tmp_path: Path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"title": "A", "body": "a"}\n{broken\n\n{"title": "C", "body": "c"}\n', encoding="utf-8")
    items = list(read_file(f, tmp_path))
    assert [i.title for i in items if isinstance(i, Article)] == ["A", "C"]
    assert [i.source for i in items if isinstance(i, RecordError)] == [f"{f}:2"]


def test_record_ids_are_stable_across_reordering(tmp_path: Path):
    f = tmp_path / "feed.jsonl"
    a, b = (
        {"title": "A", "body": "a", "url": "https://x/a"},
        {"title": "B", "body": "b", "url": "https://x/b"},
    )
    f.write_text(f"{json.dumps(a)}\n{json.dumps(b)}\n")
    first = {i.title: i.id for i in read_file(f, tmp_path)}
    f.write_text(f"{json.dumps(b)}\n{json.dumps(a)}\n")
    assert {i.title: i.id for i in read_file(f, tmp_path)} == first


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "no text"),
        ("blank.md", b"  \n\t\n", "no text"),
        ("binary.txt", b"\x00\x01\x02binary", "binary"),
        ("latin1.txt", "café crème".encode("latin-1"), "not valid UTF-8"),
        ("broken.json", b"{not json", "malformed JSON"),
        ("corrupt.pdf", b"%PDF-1.4\n garbage garbage", "PDF"),
        ("script.html", b"<html><script>var a = 1;</script></html>", "no article text"),
    ],
)
def test_broken_files_raise_a_named_reason(tmp_path: Path, name: str, content: bytes, reason: str):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        list(read_file(f, tmp_path))


def test_utf16_with_bom_is_read(tmp_path: Path):
    f = tmp_path / "u16.txt"
    f.write_bytes("Title\nKyiv and Moscow".encode("utf-16"))
    assert read_one(f).text == "Title\nKyiv and Moscow"


def test_discover_skips_sidecars_and_hidden_files_and_names_bad_paths(tmp_path: Path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sources.json").write_text("[]")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("y")
    # An index kept beside the articles is not read as articles (explore10 L9: its rows.json was).
    (tmp_path / "index" / "keyword").mkdir(parents=True)
    (tmp_path / "index" / "chroma.sqlite3").write_bytes(b"")
    (tmp_path / "index" / "keyword" / "rows.json").write_text("[]")
    found = list(discover([tmp_path, tmp_path / "missing.txt", tmp_path / "image.png"]))
    assert found[:2] == [tmp_path / "a.txt", tmp_path / "sub" / "b.md"]
    assert found[2] == (tmp_path / "missing.txt", "no such file or folder")
    assert found[3][0] == tmp_path / "image.png" and "unsupported file type" in found[3][1]


def test_a_broken_sidecar_is_named_once_and_its_folder_still_ingested(assistant, tmp_path: Path):
    (tmp_path / "sources.json").write_text("{not json")
    (tmp_path / "plain.txt").write_text("Plain\n\nThe envoys met in Minsk on 9 April 2025.\n")
    (tmp_path / "other.txt").write_text("Other\n\nThe envoys met in Oslo on 9 April 2025.\n")
    report = assistant.ingest(tmp_path)
    assert sorted(report.ingested) == ["other", "plain"]
    assert [(Path(source).name, "unreadable metadata sidecar" in reason) for source, reason in report.failed] == [
        ("sources.json", True)
    ]
    one = assistant.ingest(tmp_path / "plain.txt")  # a file given alone reports its folder's sidecar too
    assert [Path(source).name for source, _ in one.failed] == ["sources.json"]


def test_dates_are_normalised_and_impossible_ones_dropped():
    assert normalise_date("20 May 2025 05:34") == "2025-05-20"
    assert normalise_date("2025-02-30") is None
    assert normalise_date("year 3000") is None
    assert normalise_date(None) is None


def test_a_date_that_is_not_a_whole_day_or_is_ambiguous_is_dropped_not_completed():
    """explore11 H5: "June 2024" was stored as 2024-06-03 and "2023" as 2023-12-03 (today's month and
    day), and the timeline dated "on Saturday" from the invented day; "04/05/2025" was read month-first
    while "13/05/2025" was read day-first."""
    assert normalise_date("June 2024") is None and normalise_date("2023") is None
    assert normalise_date("04/05/2025") is None
    assert normalise_date("13/05/2025") == "2025-05-13" and normalise_date("05/05/2025") == "2025-05-05"
    assert normalise_date(1746057600) == "2025-05-01" == normalise_date("1746057600")
    assert normalise_date("Tue, 20 May 2025 05:34:00 GMT") == normalise_date("May 20, 2025") == "2025-05-20"


def test_json_lists_of_strings_are_joined_and_an_empty_feed_is_named(tmp_path: Path):
    """explore10 L8: a list title was stored as its Python repr, a list body refused, `[]` not mentioned."""
    f = tmp_path / "parts.json"
    f.write_text(json.dumps([{"title": ["Talks", "day two"], "body": ["First paragraph.", "Second one."]}]))
    a = read_one(f)
    assert (a.title, a.text) == ("Talks day two", "First paragraph.\n\nSecond one.")
    (tmp_path / "empty.json").write_text("[]")
    with pytest.raises(IngestError, match="no records"):
        list(read_file(tmp_path / "empty.json", tmp_path))


def test_a_web_page_is_read_by_the_charset_it_declares(tmp_path: Path):
    """explore11 M5: pages in windows-1251 or iso-8859-1 were refused as "not valid UTF-8"."""
    cyrillic = (
        '<html><head><meta charset="windows-1251"><title>Переговоры в Стамбуле</title></head><body><article>'
        "<h1>Переговоры в Стамбуле</h1><p>Делегации России и Украины встретились в Стамбуле 16 мая 2025 года "
        "и договорились об обмене пленными, сообщили в министерстве иностранных дел.</p></article></body></html>"
    )
    (tmp_path / "cp1251.html").write_bytes(cyrillic.encode("cp1251"))
    latin = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Café talks'
        "</title></head><body><article><p>The envoys met at a café in Genève on 3 May 2025, the ministry said, "
        "and agreed to meet again in June to continue the talks on the exchange of prisoners.</p>"
        "</article></body></html>"
    )
    (tmp_path / "latin1.html").write_bytes(latin.encode("latin-1"))
    [ru] = read_file(tmp_path / "cp1251.html", tmp_path)
    [fr] = read_file(tmp_path / "latin1.html", tmp_path)
    assert "Стамбуле" in ru.text and "café in Genève" in fr.text


def test_a_list_of_outlets_and_a_schema_org_record(tmp_path: Path):
    """explore12 M8: `"outlet": ["Buenos Aires Times", "MercoPress"]` was stored as the list's text, which
    no outlet filter matched; L3: a schema.org NewsArticle (articleBody, datePublished, publisher) was
    refused as having no text."""
    f = tmp_path / "feed.json"
    records = [
        {"title": "Peso", "content": "Argentina devalued the peso.", "outlet": ["Buenos Aires Times", "MercoPress"]},
        {
            "headline": "Tram line approved",
            "articleBody": "The council approved a tram line.",
            "datePublished": "2025-03-20T10:00:00+01:00",
            "publisher": {"@type": "Organization", "name": "City Gazette"},
        },
    ]
    f.write_text(json.dumps(records), encoding="utf-8")
    articles = [i for i in read_file(f, tmp_path) if isinstance(i, Article)]
    assert [(a.title, a.outlet, a.published) for a in articles] == [
        ("Peso", "Buenos Aires Times", None),
        ("Tram line approved", "City Gazette", "2025-03-20"),
    ]


def test_an_html_headline_is_a_paragraph_of_its_own(tmp_path: Path):
    """explore12 M7: "Rail strike called off" ran into the first sentence and was quoted with it."""
    from rag.evidence.candidates import evidence_spans

    page = (
        "<html><head><title>Rail strike called off</title></head><body><article><h1>Rail strike called off</h1>"
        "<p>Finnish rail workers called off a planned strike on 19 March 2025 after a last-minute deal, the union"
        " said.</p><p>Trains will run as normal on Friday, the operator VR said.</p></article></body></html>"
    )
    (tmp_path / "story.html").write_text(page, encoding="utf-8")
    [article] = [i for i in read_file(tmp_path / "story.html", tmp_path) if isinstance(i, Article)]
    sentences = [article.text[a:b] for a, b in evidence_spans(article.text)]
    assert any(s.startswith("Finnish rail workers") for s in sentences)  # the spans quoted


def test_a_headline_with_a_colon_in_front_matter_gets_a_one_line_hint(tmp_path: Path):
    """explore13 L3: the YAML error spread over four lines and said nothing of the usual cause."""
    from rag.errors import IngestError

    (tmp_path / "flood.md").write_text("---\ntitle: Floods: toll reaches 41\n---\nThe toll reached 41.\n")
    with pytest.raises(IngestError) as raised:
        list(read_file(tmp_path / "flood.md", tmp_path))
    assert "\n" not in str(raised.value) and 'title: "A: B"' in str(raised.value)


@pytest.mark.parametrize(
    ("name", "content", "genre"),
    [
        ("col.md", "---\ntitle: Caldera needed one voice\nsection: Opinion\n---\nBody of the column.", "opinion"),
        ("col.txt", "One voice\nSource: The Observer\nSection: Comment\n\nBody of the column.", "opinion"),
        ("an.md", '---\ntitle: "Analysis: The ceasefire is a beginning"\n---\nBody.', "analysis"),
        ("an.txt", "ANALYSIS-Why the talks stalled\n\nBody of the piece.", "analysis"),
        ("u.md", "---\ntitle: The strike\nurl: https://nordpost.eu/opinion/strike-wages\n---\nBody.", "opinion"),
        (
            "n.md",
            "---\ntitle: Toll cut to nine\nsection: Health\nurl: https://x.eu/news/opinion-poll\n---\nBody.",
            None,
        ),
        ("n.txt", "Opinion poll shows support for the truce\n\nBody of the report.", None),
    ],
)
def test_an_opinion_or_analysis_piece_is_known_by_its_outlet_s_mark(tmp_path: Path, name: str, content: str, genre):
    f = tmp_path / name
    f.write_text(content, encoding="utf-8")
    assert read_one(f).genre == genre


def test_an_outlet_s_disclaimer_marks_a_column_its_metadata_does_not():
    # The bundled corpus's Moscow Times column: its sidecar gives no section, its foot says what it is.
    assert read_one(CORPUS / "003_cf90282da3681016.txt").genre == "opinion"
    assert read_one(CORPUS / "001_fe26a455a43feec8.txt").genre is None


def test_web_pages_and_feed_records_carry_their_section(tmp_path: Path):
    page = tmp_path / "col.html"
    body = "<p>" + "The fine punishes a fisherman for a line nobody can see on any chart. " * 4 + "</p>"
    page.write_text(
        '<html><head><title>The fine line</title><meta property="article:section" content="Opinion"></head>'
        f"<body><article><h1>The fine line</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    assert read_one(page).genre == "opinion"
    feed = tmp_path / "feed.json"
    records = [
        {"title": "Toll rises", "body": "Thirteen dead."},
        {"title": "A view", "section": "Views", "body": "We say."},
    ]
    feed.write_text(json.dumps(records), encoding="utf-8")
    assert [a.genre for a in read_file(feed, tmp_path)] == [None, "opinion"]


def test_the_genre_is_stored_with_every_chunk_and_a_news_article_s_fingerprint_is_unchanged(assistant, tmp_path: Path):
    (tmp_path / "col.md").write_text("---\ntitle: One voice\nsection: Opinion\n---\nThe toll was cut to nine.\n")
    (tmp_path / "news.txt").write_text("Toll cut\n\nThe ministry cut the toll to nine on Wednesday.\n")
    assistant.ingest(tmp_path)
    assert {a.id: a.genre for a in assistant.sources()} == {"col": "opinion", "news": None}
    found = assistant.retriever.search("toll cut to nine")
    assert {p.article_id: p.genre for p in found} == {"col": "opinion", "news": None}
    # An index built before genres were read is not re-ingested whole: a news article hashes as it did.
    news = read_one(tmp_path / "news.txt")
    before = {k: v for k, v in news.__dict__.items() if k not in ("source", "genre")}
    assert content_hash(news) == hashlib.sha256(json.dumps(before, sort_keys=True).encode()).hexdigest()

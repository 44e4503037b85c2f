"""A fuzz corpus of bad (and awkward but good) article files, generated at test time.

`make_fuzz_corpus(folder)` writes every kind into `folder` and returns what each one is
expected to do: be ingested ("good"), be named as failed with a reason ("bad"), or be
skipped as the duplicate of another file ("duplicate"). Nothing big is committed: the
100 MB file is sparse, the others are built in memory.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

from tests.pdfgen import text_pdf

GOOD_TEXT = (
    "Negotiators from Kyiv and Moscow met in Istanbul on Friday to discuss a prisoner exchange. "
    "Both delegations agreed to swap one thousand prisoners each within a week."
)


@dataclass(frozen=True)
class Kind:
    name: str  # what makes it awkward
    file: str  # path under the fuzz folder
    outcome: str  # "good", "bad" or "duplicate"
    reason: str = ""  # a regex the failure reason must match (bad files only)


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(["A secret article about the talks."]))))
    # RC4, because AES needs the cryptography package.
    writer.encrypt(user_password="s3cret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_fuzz_corpus(folder: Path, big_file_mb: int = 100) -> list[Kind]:
    folder.mkdir(parents=True, exist_ok=True)
    kinds: list[Kind] = []

    def add(name: str, file: str, data: bytes | str, outcome: str, reason: str = "") -> None:
        path = folder / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        kinds.append(Kind(name, file, outcome, reason))

    add("empty file", "empty.txt", b"", "bad", "empty or whitespace")
    add("whitespace only", "blank.md", " \n\t\r\n   \n", "bad", "empty or whitespace")
    add("binary data", "random.txt", bytes(range(256)) * 64, "bad", "binary|UTF-8")
    add("wrong extension (a PNG named .txt)", "picture.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(2048), "bad", "binary")
    add("unsupported extension", "notes.docx", b"PK\x03\x04 not a supported type", "bad", "unsupported file type")
    add("invalid UTF-8", "latin1.txt", "Zelensky met Macron in Paris café\n".encode("latin-1") * 3, "bad", "UTF-8")
    add("UTF-16 with BOM", "utf16.txt", ("UTF-16 article. " + GOOD_TEXT).encode("utf-16"), "good")
    add("NUL bytes inside text", "nul.txt", ("Header\n" + "x" * 9000 + "\x00\x00" + GOOD_TEXT).encode(), "bad", "NUL")
    add("malformed JSON", "broken.json", '{"articles": [{"title": "x", "body": "unterminated', "bad", "malformed JSON")
    records = [
        {"title": "Grain deal extended", "body": "The grain deal was extended for sixty days, officials said."},
        {"title": "No body here", "outlet": "Wire"},
        {"body": 42},
        "just a string",
        {"title": "Bad date", "body": "Shelling hit Kharkiv overnight, the governor said.", "published": "2025-02-30"},
    ]
    add("JSON records missing fields", "records.json", json.dumps(records), "good")
    kinds += [
        Kind("JSON record without text", "records.json record 2", "bad", "no article text"),
        Kind("JSON record with a number as text", "records.json record 3", "bad", "no article text"),
        Kind("JSON record that is not an object", "records.json record 4", "bad", "not a JSON object"),
    ]
    add("malformed JSON lines", "lines.jsonl", '{"body": "A valid line about the Black Sea ports."}\n{oops\n', "good")
    kinds.append(Kind("malformed JSON line", "lines.jsonl:2", "bad", "malformed JSON line"))
    script = "<html><head><script>var a = 1;</script></head><body><script>" + "x++;" * 500 + "</script></body></html>"
    add("HTML that is all script", "script.html", script, "bad", "no article text")
    add("corrupt PDF", "corrupt.pdf", text_pdf(["Half a PDF"])[:150], "bad", "unreadable PDF|no extractable text")
    add("encrypted PDF", "encrypted.pdf", _encrypted_pdf(), "bad", "encrypted")
    ukrainian = "Переговори у Стамбулі. Делегації домовилися про обмін полоненими."
    add("non-English text", "ukrainian.txt", ukrainian, "good")
    add("Chinese and Arabic text", "mixed.md", "# 停火谈判\n\n代表团在伊斯坦布尔会面。 المفاوضات في إسطنبول.", "good")
    add("absurdly long title", "long_title.md", f"---\ntitle: {'Ceasefire ' * 5000}\n---\n{GOOD_TEXT} Title.", "good")
    add("impossible date", "bad_date.md", f"---\ndate: 2025-13-45\ntitle: Odd date\n---\nKherson {GOOD_TEXT}", "good")
    add("date in the year 9999", "far_date.md", f"---\ndate: 9999-01-01\n---\nOdesa {GOOD_TEXT}", "good")
    add("the same article", "a_twin.txt", "Twin story\n\n" + GOOD_TEXT, "good")
    add("the same article under another name", "z_copies/twin.txt", "Twin story\n\n" + GOOD_TEXT, "duplicate")
    # A million short lines and one 10 MB line: larger than an article can be.
    add("a million short lines", "lines.txt", "".join(f"line {i}\n" for i in range(1_000_000)), "bad", "too long")
    add("one 10 MB line", "oneline.txt", "word " * 2_000_000, "bad", "too long")
    # 100 MB, sparse: refused by size before a byte is read.
    big = folder / "huge.txt"
    with big.open("wb") as f:
        f.truncate(big_file_mb * 1024 * 1024)
    kinds.append(Kind(f"a {big_file_mb} MB file", "huge.txt", "bad", "MB; the limit is"))
    # A symbolic link loop (a -> b -> a) and a link to a folder containing itself.
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    kinds += [
        Kind("symbolic link loop", "loop_a.txt", "bad", "symbolic link"),
        Kind("symbolic link loop (other end)", "loop_b.txt", "bad", "symbolic link"),
    ]
    (folder / "self").mkdir()
    (folder / "self" / "again").symlink_to(folder / "self", target_is_directory=True)
    add("a good file behind a folder link loop", "self/inside.txt", "Inside story\n\nMariupol " + GOOD_TEXT, "good")
    add("unreadable file (chmod 000)", "secret.txt", "Locked\n\nZaporizhzhia " + GOOD_TEXT, "bad", "permission denied")
    (folder / "secret.txt").chmod(0)
    add("a plain good article", "good.txt", "Good article\n\nDnipro " + GOOD_TEXT, "good")
    return kinds

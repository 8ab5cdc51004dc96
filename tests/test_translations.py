"""The translation status on small git repositories: a missing page, a translation made from an
older original, no false alarm after re-stamping, and the stamp refused for an uncommitted
original."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from fedsite.translations import main

MKDOCS_YML = """\
docs_dir: docs
plugins:
  - i18n:
      languages:
        - locale: zh
          default: true
        - locale: en
"""


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", message)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs/a.md").write_text("---\ndescription: 甲。\n---\n\n# 甲\n", encoding="utf-8")
    (root / "docs/a.en.md").write_text("---\ndescription: A.\n---\n\n# A\n", encoding="utf-8")
    (root / "docs/b.md").write_text("---\ndescription: 乙。\n---\n\n# 乙\n", encoding="utf-8")
    git(root, "init", "-q")
    commit(root, "pages")
    return root


def status(root: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(["--root", str(root), *args])
    return code, capsys.readouterr().out


def test_missing_stamped_outdated_and_restamped(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("FEDSITE_LANG", "en")
    code, out = status(repo, capsys, "--ci")
    assert code == 1  # a page with no translation fails CI
    assert "not translated yet: docs/b.en.md" in out
    assert "docs/a.en.md" in out and "not known which version" in out

    assert main(["--root", str(repo), "stamp", "docs/a.en.md"]) == 0
    assert "docs/a.en.md: translated_from" in capsys.readouterr().out
    stamped = (repo / "docs/a.en.md").read_text("utf-8").split("\n")[1]
    assert stamped.startswith("translated_from: ")
    code, out = status(repo, capsys)
    assert "docs/a.en.md" not in out, out  # current: nothing to say

    (repo / "docs/a.md").write_text("---\ndescription: 甲。\n---\n\n# 甲\n\n新的一段。\n", "utf-8")
    commit(repo, "the original changes")
    code, out = status(repo, capsys)
    commit_id = stamped.split(": ")[1].strip('"')
    assert "may be out of date: docs/a.en.md" in out, out
    assert f"git diff {commit_id} -- docs/a.md" in out, out

    assert main(["--root", str(repo), "stamp", "docs/a.en.md"]) == 0
    capsys.readouterr()
    code, out = status(repo, capsys)
    assert "may be out of date:" not in out and "1 not translated, 0 may be out of date" in out, out


def test_a_translation_is_not_stamped_from_an_uncommitted_original(repo: Path, capsys) -> None:
    (repo / "docs/a.md").write_text("---\ndescription: 改了。\n---\n\n# 甲\n", encoding="utf-8")
    assert main(["--root", str(repo), "stamp", "docs/a.en.md"]) == 1
    assert "commit the original page first" in capsys.readouterr().err


def test_messages_are_in_chinese_by_default(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("FEDSITE_LANG", raising=False)
    _, out = status(repo, capsys)
    assert "还没有翻译：docs/b.en.md" in out and "1 个没有翻译" in out, out


def test_pages_with_chinese_names_or_spaces_are_tracked_like_any_other(repo, capsys, monkeypatch):
    monkeypatch.setenv("FEDSITE_LANG", "en")
    (repo / "docs/统一.md").write_text("---\ndescription: 统一。\n---\n\n# 统一\n", "utf-8")
    (repo / "docs/two words.md").write_text("---\ndescription: 二。\n---\n\n# 二\n", "utf-8")
    commit(repo, "pages with other names")
    code, out = status(repo, capsys, "--ci")
    assert code == 1
    assert "not translated yet: docs/统一.en.md" in out, out
    assert "not translated yet: docs/two words.en.md" in out, out


def test_a_page_in_another_encoding_gets_a_message(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("FEDSITE_LANG", "en")
    (repo / "docs/a.en.md").write_bytes("---\ndescription: 甲。\n---\n\n# 甲\n".encode("gbk"))
    (repo / "docs/b.md").write_bytes("---\ndescription: 乙。\n---\n\n# 乙\n".encode("gbk"))
    (repo / "docs/b.en.md").write_text("---\ndescription: B.\n---\n\n# B\n", "utf-8")
    _, out = status(repo, capsys)
    assert "docs/a.en.md is not UTF-8 text: save it as UTF-8" in out, out
    assert "docs/b.md is not UTF-8 text" in out, out
    assert main(["--root", str(repo), "stamp", "docs/a.en.md"]) == 1
    assert "docs/a.en.md: not UTF-8 text" in capsys.readouterr().err

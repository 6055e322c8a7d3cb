"""Issue #19, web security: sessions end on logout and password change, accounts can be removed, sign-ins are
throttled per account and per address (Vietnamese message), listings never follow symlinks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from support.paths import ROOT

from cchc_docgen.cli import main
from cchc_docgen.web.accounts import Accounts
from cchc_docgen.web.app import create_app
from cchc_docgen.web.settings import Settings
from cchc_docgen.web.throttle import FREE_TRIES, Throttle

PASSWORD = "mat-khau-8"
BASE = "http://127.0.0.1"
PLAN = ROOT / "tests" / "web" / "data" / "school_plan.yaml"


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    for unit in ("th-a", "th-b"):
        (data / unit).mkdir(parents=True)
        shutil.copy(PLAN, data / unit / "ke-hoach.yaml")
    accounts = Accounts(Settings(data=data).accounts_file)
    accounts.add("ht.a", PASSWORD, "th-a")
    accounts.add("ht.b", PASSWORD, "th-b")
    return data


def _csrf(client: TestClient, url: str) -> str:
    return client.get(url).text.split('name="csrf" value="')[1].split('"')[0]


def _login(client: TestClient, user: str, password: str = PASSWORD) -> int:
    token = _csrf(client, "/login")
    answer = client.post("/login", data={"csrf": token, "username": user, "password": password, "next": "/"},
                         follow_redirects=False)
    return answer.status_code


def _signed_in(client: TestClient) -> bool:
    return client.get("/", follow_redirects=False).status_code == 200


def test_logout_ends_copies_of_the_session_cookie(data: Path) -> None:
    app = create_app(Settings(data=data, warm_converter=False))
    with TestClient(app, base_url=BASE) as client, TestClient(app, base_url=BASE) as thief:
        assert _login(client, "ht.a") == 303 and _signed_in(client)
        thief.cookies.set("cchc_session", client.cookies["cchc_session"])
        assert _signed_in(thief)
        client.post("/logout", data={"csrf": _csrf(client, "/")}, follow_redirects=False)
        assert not _signed_in(thief)


def test_password_change_and_removal_end_sessions(data: Path) -> None:
    app = create_app(Settings(data=data, warm_converter=False))
    with TestClient(app, base_url=BASE) as a, TestClient(app, base_url=BASE) as b:
        assert _login(a, "ht.a") == 303 and _login(b, "ht.b") == 303
        accounts = Accounts(Settings(data=data).accounts_file)
        accounts.passwd("ht.a", "mat-khau-moi-9")
        assert not _signed_in(a)
        assert _login(a, "ht.a") == 401 and _login(a, "ht.a", "mat-khau-moi-9") == 303
        assert main(["users", "remove", "ht.b", "--data", str(data)]) == 0
        assert not _signed_in(b) and _login(b, "ht.b") == 401


def test_users_passwd_command(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("mot-mat-khau-moi\n"))
    assert main(["users", "passwd", "ht.a", "--data", str(data), "--password-stdin"]) == 0
    accounts = Accounts(Settings(data=data).accounts_file)
    assert accounts.verify("ht.a", "mot-mat-khau-moi") is not None and accounts.verify("ht.a", PASSWORD) is None
    assert main(["users", "passwd", "khong-co", "--data", str(data), "--password-stdin"]) == 1


def test_repeated_wrong_passwords_are_throttled(data: Path) -> None:
    app = create_app(Settings(data=data, warm_converter=False))
    with TestClient(app, base_url=BASE) as client:
        codes = [_login(client, "ht.a", "sai-mat-khau") for _ in range(FREE_TRIES + 1)]
        assert codes[:FREE_TRIES] == [401] * FREE_TRIES and codes[-1] == 429
        answer = client.post("/login", data={"csrf": _csrf(client, "/login"), "username": "ht.a",
                                             "password": PASSWORD, "next": "/"}, follow_redirects=False)
        assert answer.status_code == 429 and "Hãy đợi" in answer.text  # even the right password waits
        assert _login(client, "ht.b") == 429  # the same address, another account: the address waits too


def test_throttle_wait_grows_and_clears() -> None:
    now = [1000.0]
    throttle = Throttle(clock=lambda: now[0])
    for _ in range(FREE_TRIES):
        throttle.failed("user:x")
    assert throttle.wait("user:x") > 0 and throttle.wait("user:y") == 0
    first = throttle.wait("user:x")
    throttle.failed("user:x")
    assert throttle.wait("user:x") > first
    throttle.succeeded("user:x")
    assert throttle.wait("user:x") == 0


def test_library_never_follows_symlinks(data: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text(PLAN.read_text(encoding="utf-8").replace("title:", "title: BÍ MẬT", 1), encoding="utf-8")
    (data / "th-a" / "link.yaml").symlink_to(outside)
    (data / "th-a" / "other.yaml").symlink_to(data / "th-b" / "ke-hoach.yaml")
    from cchc_docgen.web.accounts import User
    from cchc_docgen.web.library import entries

    rels = [e.rel for e in entries(data.resolve(), User("ht.a", "th-a"))]
    assert rels == ["th-a/ke-hoach.yaml"]


def test_drafts_stay_under_their_quota(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_docgen.web import store

    monkeypatch.setattr(store, "DRAFTS_PER_DOCUMENT", 3)
    drafts = tmp_path / "drafts"
    doc, other = tmp_path / "ke-hoach.yaml", tmp_path / "bao-cao.yaml"
    made = [store.keep_draft(doc, f"title: ban {i}\n", drafts) for i in range(6)]
    kept_other = store.keep_draft(other, "title: khac\n", drafts)
    left = sorted(p.name for p in drafts.rglob("ke-hoach-*.yaml"))
    assert left == sorted(p.name for p in made[-3:] if p)  # the newest three of this document
    assert kept_other is not None and kept_other.exists()


def test_long_names_and_form_errors_are_vietnamese_4xx(data: Path) -> None:
    app = create_app(Settings(data=data, warm_converter=False))
    with TestClient(app, base_url=BASE) as client:
        assert _login(client, "ht.a") == 303
        assert client.get("/edit/th-a/" + "a" * 300 + ".yaml").status_code == 404
        token = _csrf(client, "/check")
        answer = client.post("/check", data={"csrf": token}, files={"file": ("a" * 300 + ".docx", b"PK\x03\x04")})
        assert answer.status_code == 400 and "Tên tệp quá dài" in answer.text
        fields = {f"f{i}": "x" for i in range(1200)}
        answer = client.post("/check", data={"csrf": token, **fields}, files={"file": ("a.docx", b"PK")})
        assert answer.status_code == 400 and "quá nhiều ô" in answer.text and "detail" not in answer.text
